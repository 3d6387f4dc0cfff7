// A record's process names where it waits by the diagram's words, the id only where the diagram has none.
import type { InstanceView } from '../../process/index.js';
import { recordProcessInstanceView } from './record-process-state.js';

const instance: InstanceView = {
  id: 'i1',
  definitionId: 'd1',
  definitionKey: 'lead',
  version: 3,
  businessKey: 'lead:1',
  state: 'active',
  variables: { secret: 'not on the page' },
  activeElementIds: ['checkDuplicates', 'waitForReply'],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  endedAt: null,
  parentInstanceId: null,
  parentCallId: null,
};

describe('recordProcessInstanceView', () => {
  it('given the diagram names one of two waiting elements, when shown, then that one has its name and the other null, in the same order', () => {
    const view = recordProcessInstanceView(instance, { process: 'Lead qualification', elements: { checkDuplicates: 'Check for duplicates', other: 'Other' } });

    expect(view).toEqual({
      id: 'i1',
      definitionKey: 'lead',
      definitionName: 'Lead qualification',
      version: 3,
      state: 'active',
      activeElementIds: ['checkDuplicates', 'waitForReply'],
      activeElements: [
        { id: 'checkDuplicates', name: 'Check for duplicates' },
        { id: 'waitForReply', name: null },
      ],
      createdAt: '2026-12-01T10:00:00.000Z',
      endedAt: null,
    });
  });

  it('given a version whose diagram cannot be read, when shown, then the ids stand without names', () => {
    const view = recordProcessInstanceView(instance, undefined);

    expect(view.definitionName).toBeNull();
    expect(view.activeElements).toEqual([
      { id: 'checkDuplicates', name: null },
      { id: 'waitForReply', name: null },
    ]);
  });
});
