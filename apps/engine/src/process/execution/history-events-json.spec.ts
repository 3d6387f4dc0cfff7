import { historyEventsJson } from './history-events-json.js';

describe('historyEventsJson', () => {
  it("given a command's history rows, when stored, then they form one JSON array in their order, each with only the fields it has", () => {
    const json = historyEventsJson([
      { elementId: null, elementType: null, event: 'variables-changed', payload: { changes: { budget: 5000 } } },
      { elementId: 'start', elementType: 'bpmn:StartEvent', event: 'entered', payload: null },
      { elementId: 'call', elementType: 'bpmn:UserTask', event: 'task-created', payload: { taskId: 't-1' } },
    ]);

    expect(JSON.parse(json)).toEqual([
      { event: 'variables-changed', payload: { changes: { budget: 5000 } } },
      { event: 'entered', elementId: 'start', elementType: 'bpmn:StartEvent' },
      { event: 'task-created', elementId: 'call', elementType: 'bpmn:UserTask', payload: { taskId: 't-1' } },
    ]);
  });
});
