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
});
