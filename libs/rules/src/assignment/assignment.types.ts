// The inputs and output of the pure assignment strategies: the engine loads the candidates
// (team members, their skills and open-task counts) and moves the round-robin cursor in its
// transaction; the choice itself, and the reason a person can read, are made here.

/** A user who could get the work. */
export interface AssignmentCandidate {
  username: string;
  skills: readonly string[];
  /** Tasks assigned to the user and not yet completed or cancelled. */
  openTasks: number;
}

/** The chosen user, or null: nobody fits and the work goes to the unsorted queue. */
export interface AssignmentChoice {
  assignee: string | null;
  /** Why this user (or why nobody), in words for the history and the task list. */
  reason: string;
}

/** Usernames compared by code points (as PostgreSQL's "C" collation): the same order on every node. */
export function byUsername(a: { username: string }, b: { username: string }): number {
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

/** The candidate with the fewest open tasks; ties go to the first by username. */
export function fewestOpenTasks(candidates: readonly AssignmentCandidate[]): AssignmentCandidate | undefined {
  return [...candidates].sort((a, b) => a.openTasks - b.openTasks || byUsername(a, b))[0];
}

/** `anna 2, bob 3`: the open-task counts a choice compared, for its reason. */
export function openTaskCounts(candidates: readonly AssignmentCandidate[]): string {
  return [...candidates]
    .sort(byUsername)
    .map((candidate) => `${candidate.username} ${candidate.openTasks}`)
    .join(', ');
}
