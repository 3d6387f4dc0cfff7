import type { AssignmentCandidate } from './assignment.types.js';
import { leastOpenTasks } from './least-open-tasks.strategy.js';

const member = (username: string, openTasks: number): AssignmentCandidate => ({ username, skills: [], openTasks });

describe('leastOpenTasks', () => {
  it('given members with 3, 1 and 2 open tasks, when chosen, then the one with 1 gets it and the reason lists the counts', () => {
    const choice = leastOpenTasks('dach', [member('anna', 3), member('bob', 1), member('carl', 2)]);

    expect(choice).toEqual({ assignee: 'bob', reason: 'leastOpenTasks: bob has the fewest open tasks in team "dach" (anna 3, bob 1, carl 2)' });
  });

  it('given members listed in any order, when chosen, then the reason lists their counts by username', () => {
    expect(leastOpenTasks('dach', [member('carl', 2), member('anna', 3), member('bob', 1)]).reason).toBe(
      'leastOpenTasks: bob has the fewest open tasks in team "dach" (anna 3, bob 1, carl 2)',
    );
  });

  it('given a tie on the fewest open tasks, when chosen, then the first by username wins', () => {
    expect(leastOpenTasks('dach', [member('zoe', 0), member('carl', 0), member('anna', 4)]).assignee).toBe('carl');
  });

  it('given a team without members, when chosen, then nobody is chosen', () => {
    expect(leastOpenTasks('dach', [])).toEqual({ assignee: null, reason: 'leastOpenTasks: team "dach" has no members' });
  });
});
