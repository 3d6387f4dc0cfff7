// Which marker each changed element gets on each side: the older diagram shows what was removed
// and changed, the newer one what was added, changed and only moved.
import type { ChangeKind, VersionChange } from '../diff/version-changes';

export const MARKER_OF: Record<ChangeKind, string> = {
  removed: 'sf-diff-removed',
  added: 'sf-diff-added',
  changed: 'sf-diff-changed',
  layoutChanged: 'sf-diff-layout',
};

const BEFORE: ReadonlySet<ChangeKind> = new Set(['removed', 'changed']);
const AFTER: ReadonlySet<ChangeKind> = new Set(['added', 'changed', 'layoutChanged']);

export function markersFor(changes: readonly VersionChange[], side: 'before' | 'after'): Map<string, string> {
  const kinds = side === 'before' ? BEFORE : AFTER;
  return new Map(changes.filter((change) => kinds.has(change.kind)).map((change) => [change.elementId, MARKER_OF[change.kind]]));
}
