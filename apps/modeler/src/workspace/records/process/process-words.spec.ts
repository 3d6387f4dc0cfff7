import { processName, runningFirst, taskName, waitingAt } from './process-words';

describe("the record's process in the diagram's words", () => {
  it('given an instance waiting at a named and an unnamed element, when shown, then the name stands for the one and the id for the other', () => {
    expect(
      waitingAt({
        activeElements: [
          { id: 'checkDuplicates', name: 'Check for duplicates' },
          { id: 'gateway_1', name: null },
        ],
      }),
    ).toEqual(['Check for duplicates', 'gateway_1']);
  });

  it('given two tokens at the same element and a name of blanks, when shown, then the element is named once and blanks count as no name', () => {
    expect(
      waitingAt({
        activeElements: [
          { id: 'call', name: 'Call the lead' },
          { id: 'call', name: 'Call the lead' },
          { id: 'blank', name: '  ' },
        ],
      }),
    ).toEqual(['Call the lead', 'blank']);
  });

  it('given a process with and without a name in its diagram, when titled, then its name, else its key', () => {
    expect(processName({ definitionKey: 'lead-generation', definitionName: 'Lead generation' })).toBe('Lead generation');
    expect(processName({ definitionKey: 'lead-generation', definitionName: null })).toBe('lead-generation');
  });

  it('given a task with and without a name, when listed, then its name, else its element id', () => {
    expect(taskName({ name: 'Make the first contact', elementId: 'firstContact' })).toBe('Make the first contact');
    expect(taskName({ name: null, elementId: 'firstContact' })).toBe('firstContact');
  });

  it('given ended and running instances, when ordered, then the running ones (an incident included) come first and the rest keep their order', () => {
    const ordered = runningFirst([
      { id: 'a', state: 'completed' as const },
      { id: 'b', state: 'active' as const },
      { id: 'c', state: 'terminated' as const },
      { id: 'd', state: 'incident' as const },
    ]);
    expect(ordered.map((instance) => instance.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
