import type { VersionChange } from '../diff/version-changes';
import { markersFor } from './version-markers';

const change = (elementId: string, kind: VersionChange['kind']): VersionChange => ({ elementId, kind, type: 'UserTask', name: null, properties: [] });

describe('markersFor', () => {
  const changes = [change('gone', 'removed'), change('new', 'added'), change('renamed', 'changed'), change('moved', 'layoutChanged')];

  it('given every kind of change, when marking the older diagram, then removed and changed elements are marked', () => {
    expect(markersFor(changes, 'before')).toEqual(
      new Map([
        ['gone', 'sf-diff-removed'],
        ['renamed', 'sf-diff-changed'],
      ]),
    );
  });

  it('given every kind of change, when marking the newer diagram, then added, changed and moved elements are marked', () => {
    expect(markersFor(changes, 'after')).toEqual(
      new Map([
        ['new', 'sf-diff-added'],
        ['renamed', 'sf-diff-changed'],
        ['moved', 'sf-diff-layout'],
      ]),
    );
  });
});
