// An element as the live view names it: its name in the diagram and its id, or the id alone.
import type { ElementNames } from '../diagram/bpmn-diagram';

export function elementLabel(elementId: string | null, names: ElementNames): string {
  if (elementId === null) return '—';
  const name = names.get(elementId);
  return name ? `${name} (${elementId})` : elementId;
}
