// Deploy-time check of a service task (or a send task with an action): `stageflow:action`
// names the action template it runs, as a literal key — the engine checks at deploy that the
// key is in the deployment or already deployed (a FEEL key could only fail at run time).
import type { ModdleElement } from 'bpmn-moddle';

/** The action-template key format (process-package's action-template schema `key`). */
const ACTION_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function checkActionKey(element: ModdleElement): { ok: true; key: string } | { ok: false; message: string } {
  const raw = element.action;
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (key === '') return { ok: false, message: 'A service task needs stageflow:action: the key of the action template it runs' };
  if (key.startsWith('='))
    return { ok: false, message: `stageflow:action must be an action-template key, not an expression ('${key}'): the engine checks the key at deploy` };
  if (!ACTION_KEY.test(key))
    return { ok: false, message: `stageflow:action '${key}' is not an action-template key (letters, digits, _ . -; at most 100 characters)` };
  return { ok: true, key };
}
