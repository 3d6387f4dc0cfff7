// leastOpenTasks: the team member with the fewest open tasks; a tie goes to the first by
// username (deterministic on every node).
import { fewestOpenTasks, openTaskCounts, type AssignmentCandidate, type AssignmentChoice } from './assignment.types.js';

export function leastOpenTasks(team: string, members: readonly AssignmentCandidate[]): AssignmentChoice {
  const chosen = fewestOpenTasks(members);
  if (!chosen) return { assignee: null, reason: `leastOpenTasks: team "${team}" has no members` };
  return { assignee: chosen.username, reason: `leastOpenTasks: ${chosen.username} has the fewest open tasks in team "${team}" (${openTaskCounts(members)})` };
}
