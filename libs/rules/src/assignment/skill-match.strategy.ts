// skillMatch: a user who has every required skill (compared trimmed and case-insensitively, so
// "Banking" on a user matches "banking" in a rule). Among those, the fewest open tasks wins,
// and a tie goes to the first by username — least open tasks already spreads the work, so no
// cursor is written for ties.
import { fewestOpenTasks, openTaskCounts, type AssignmentCandidate, type AssignmentChoice } from './assignment.types.js';

const normalized = (skill: string): string => skill.trim().toLowerCase();

export function hasSkills(candidate: AssignmentCandidate, required: readonly string[]): boolean {
  const held = new Set(candidate.skills.map(normalized));
  return required.every((skill) => held.has(normalized(skill)));
}

/** `pool` says where the candidates come from, e.g. `team "finance"` or `all users`. */
export function skillMatch(required: readonly string[], pool: string, candidates: readonly AssignmentCandidate[]): AssignmentChoice {
  const wanted = required.length === 0 ? 'no skills' : required.join(', ');
  const qualified = candidates.filter((candidate) => hasSkills(candidate, required));
  const chosen = fewestOpenTasks(qualified);
  if (!chosen) return { assignee: null, reason: `skillMatch: nobody in ${pool} has ${wanted}` };
  return {
    assignee: chosen.username,
    reason: `skillMatch: ${chosen.username} has ${wanted} and the fewest open tasks of those who do in ${pool} (${openTaskCounts(qualified)})`,
  };
}
