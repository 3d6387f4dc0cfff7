// Deploy-time checks of a call activity: `calledElement` names the process key to start.
// Whether that key exists is known only to the engine (it checks at deploy, against the
// definitions it has); here the attribute must be present and a literal key. A FEEL
// `calledElement` is refused: the engine could then no longer check the key at deploy, and a
// typo would surface only when an instance reaches the activity.
import type { ModdleElement } from 'bpmn-moddle';

export function checkCalledElement(element: ModdleElement): { ok: true; key: string } | { ok: false; message: string } {
  const value = element.calledElement;
  const key = typeof value === 'string' ? value.trim() : '';
  if (key === '') return { ok: false, message: 'A call activity needs calledElement: the key (process id) of the process it starts' };
  if (key.startsWith('=')) {
    return { ok: false, message: `calledElement must be a process key, not an expression ('${key}'): the engine checks the key at deploy` };
  }
  if (/\s/.test(key)) return { ok: false, message: `calledElement '${key}' is not a process key (it contains whitespace)` };
  return { ok: true, key };
}
