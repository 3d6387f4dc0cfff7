import type { AssignmentCandidate } from './assignment.types.js';
import { hasSkills, skillMatch } from './skill-match.strategy.js';

const user = (username: string, skills: string[], openTasks = 0): AssignmentCandidate => ({ username, skills, openTasks });

describe('skillMatch', () => {
  it('given users with and without every required skill, when chosen, then only one holding all of them can get it', () => {
    const candidates = [user('anna', ['banking']), user('bob', ['banking', 'german'], 5), user('carl', ['german'])];

    expect(skillMatch(['banking', 'german'], 'team "finance"', candidates)).toEqual({
      assignee: 'bob',
      reason: 'skillMatch: bob has banking, german and the fewest open tasks of those who do in team "finance" (bob 5)',
    });
  });

  it('given no required skills, when chosen, then everyone qualifies and the reason says no skills', () => {
    expect(skillMatch([], 'all users', [user('bob', [], 2), user('anna', ['banking'], 2)])).toEqual({
      assignee: 'anna',
      reason: 'skillMatch: anna has no skills and the fewest open tasks of those who do in all users (anna 2, bob 2)',
    });
  });

  it('given skills that only upper case would make equal (ß and ss), when compared, then they differ', () => {
    expect(hasSkills(user('anna', ['Straße']), ['STRASSE'])).toBe(false);
  });

  it('given skills written in another case or with spaces, when compared, then they still match', () => {
    expect(hasSkills(user('anna', [' Banking ']), ['banking'])).toBe(true);
    expect(hasSkills(user('anna', ['banking']), ['BANKING', 'german'])).toBe(false);
  });

  it('given several qualified users, when chosen, then the fewest open tasks wins and the reason lists only the qualified', () => {
    const candidates = [user('anna', ['banking'], 2), user('bob', ['banking'], 1), user('carl', [], 0)];

    expect(skillMatch(['banking'], 'team "finance"', candidates)).toEqual({
      assignee: 'bob',
      reason: 'skillMatch: bob has banking and the fewest open tasks of those who do in team "finance" (anna 2, bob 1)',
    });
  });

  it('given qualified users tied on open tasks, when chosen, then the first by username wins', () => {
    expect(skillMatch(['banking'], 'all users', [user('zoe', ['banking'], 1), user('mia', ['banking'], 1)]).assignee).toBe('mia');
  });

  it('given nobody with the skills, when chosen, then nobody is chosen and the reason names the skills and the pool', () => {
    expect(skillMatch(['mandarin'], 'all users', [user('anna', ['banking'])])).toEqual({
      assignee: null,
      reason: 'skillMatch: nobody in all users has mandarin',
    });
  });
});
