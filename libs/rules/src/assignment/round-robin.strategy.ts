// roundRobin: the team's members take turns, in username order. `turn` is the team's cursor
// after the engine moved it for this assignment (1 for the first assignment ever in the team):
// the cursor lives in PostgreSQL and is moved atomically, so nodes and restarts share one
// sequence and every run of n consecutive turns reaches each of n members once. When members
// join or leave, the next turn is taken modulo the new count (at most one round is uneven).
import { byUsername, type AssignmentCandidate, type AssignmentChoice } from './assignment.types.js';

export function roundRobin(team: string, members: readonly AssignmentCandidate[], turn: number): AssignmentChoice {
  if (members.length === 0) return { assignee: null, reason: `roundRobin: team "${team}" has no members` };
  if (!Number.isSafeInteger(turn) || turn < 1) throw new RangeError(`roundRobin: the turn must be a positive integer, got ${turn}`);
  const ordered = [...members].sort(byUsername);
  const index = (turn - 1) % ordered.length;
  const chosen = ordered[index]!;
  return {
    assignee: chosen.username,
    reason: `roundRobin: turn ${turn} in team "${team}" goes to ${chosen.username} (member ${index + 1} of ${ordered.length} by name)`,
  };
}
