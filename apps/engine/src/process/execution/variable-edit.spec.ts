import { emptyPlan } from './effects-plan.js';
import { recordVariableEdit, refusedEdit, variableEditEvent } from './variable-edit.js';

describe('variable edit', () => {
  it('given variables that existed and one that did not, when the event is made, then it names who and each old and new value', () => {
    const event = variableEditEvent({ budget: 1000, owner: null, stage: 'New' }, { budget: 5000, owner: 'anna', region: 'north' }, 'admin');

    expect(event).toEqual({
      elementId: null,
      elementType: null,
      event: 'variables-edited',
      payload: {
        by: 'admin',
        changes: [
          { name: 'budget', old: 1000, new: 5000 },
          { name: 'owner', old: null, new: 'anna' },
          { name: 'region', new: 'north' },
        ],
      },
    });
  });

  it('given the plan of a setVariables command, when the edit is recorded, then its variables-changed row is replaced by the edit event', () => {
    const plan = emptyPlan(['call']);
    plan.history.push({ elementId: null, elementType: null, event: 'variables-changed', payload: { changes: { budget: 5000 } } });

    recordVariableEdit(plan, { budget: 1000 }, { budget: 5000 }, 'admin');

    expect(plan.history.map((row) => row.event)).toEqual(['variables-edited']);
    expect(plan.history[0]?.payload).toEqual({ by: 'admin', changes: [{ name: 'budget', old: 1000, new: 5000 }] });
    expect(plan.activeElementIds).toEqual(['call']);
  });
});

describe('refusedEdit', () => {
  it('given an edit too large to store, when refused, then the 400 names the heaviest edited variable', () => {
    const error = refusedEdit({ note: 'x'.repeat(50), budget: 1 }, 'too large');

    expect(error.details).toEqual([{ path: 'variables.note', message: 'cannot be stored: too large' }]);
  });
});
