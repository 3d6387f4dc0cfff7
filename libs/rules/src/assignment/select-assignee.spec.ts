import { selectAssignee } from './select-assignee.js';

const anna = { username: 'anna', skills: ['banking'], openTasks: 1 };
const bob = { username: 'bob', skills: [], openTasks: 0 };

describe('selectAssignee', () => {
  it.each([
    [{ strategy: 'territoryOwner' as const, territory: 'DACH', owner: 'bob', candidates: [bob] }, 'bob'],
    [{ strategy: 'roundRobin' as const, team: 'dach', candidates: [anna, bob], turn: 1 }, 'anna'],
    [{ strategy: 'leastOpenTasks' as const, team: 'dach', candidates: [anna, bob] }, 'bob'],
    [{ strategy: 'skillMatch' as const, skills: ['banking'], pool: 'all users', candidates: [anna, bob] }, 'anna'],
    [{ strategy: 'unsorted' as const }, null],
  ])('given the %j strategy input, when selected, then the strategy of that name decides', (input, assignee) => {
    expect(selectAssignee(input).assignee).toBe(assignee);
  });

  it('given unsorted with a reason, when selected, then nobody is chosen for that reason', () => {
    expect(selectAssignee({ strategy: 'unsorted', reason: 'no team' })).toEqual({ assignee: null, reason: 'no team' });
  });

  it('given unsorted without a reason, when selected, then the reason says the rule sends the work to the unsorted queue', () => {
    expect(selectAssignee({ strategy: 'unsorted' })).toEqual({ assignee: null, reason: 'unsorted: the rule sends this work to the unsorted queue' });
  });

  it('given a strategy name the types do not know (an untyped caller), when selected, then it throws naming the input', () => {
    expect(() => selectAssignee({ strategy: 'lottery' } as never)).toThrow('unknown assignment strategy {"strategy":"lottery"}');
  });
});
