import type { AssignmentCandidate } from './assignment.types.js';
import { roundRobin } from './round-robin.strategy.js';

const member = (username: string, openTasks = 0): AssignmentCandidate => ({ username, skills: [], openTasks });

describe('roundRobin', () => {
  it('given three members listed in any order, when turns 1 to 6 are taken, then each member gets two, in username order', () => {
    const members = [member('carl'), member('anna'), member('bob')];

    const chosen = [1, 2, 3, 4, 5, 6].map((turn) => roundRobin('dach', members, turn).assignee);

    expect(chosen).toEqual(['anna', 'bob', 'carl', 'anna', 'bob', 'carl']);
  });

  it('given members with different open-task counts, when a turn is taken, then the counts do not matter', () => {
    expect(roundRobin('dach', [member('anna', 9), member('bob', 0)], 1).assignee).toBe('anna');
  });

  it('given a turn, when it is chosen, then the reason names the turn, the team and the member', () => {
    expect(roundRobin('dach', [member('anna'), member('bob')], 4).reason).toBe('roundRobin: turn 4 in team "dach" goes to bob (member 2 of 2 by name)');
  });

  it('given a team without members, when a turn is asked for, then nobody is chosen and the reason says why', () => {
    expect(roundRobin('empty', [], 1)).toEqual({ assignee: null, reason: 'roundRobin: team "empty" has no members' });
  });

  it('given a turn that is not a positive integer, when chosen, then it is refused as a programming error', () => {
    expect(() => roundRobin('dach', [member('anna')], 0)).toThrow(new RangeError('roundRobin: the turn must be a positive integer, got 0'));
  });

  it.each([[1.5], [Number.NaN], [2 ** 53]])('given the turn %p, which is not a safe integer, when chosen, then it is refused too', (turn) => {
    expect(() => roundRobin('dach', [member('anna')], turn)).toThrow(RangeError);
  });
});
