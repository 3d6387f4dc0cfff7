// What other code asks of AssignmentService.assign and what it answers.
import type { AssignmentStrategy } from '@stageflow/process-package';

export interface AssignmentRequest {
  strategy: AssignmentStrategy;
  /** Team name (its candidate group): the candidates of roundRobin, leastOpenTasks, skillMatch. */
  team?: string;
  /** Skills a user must all have (skillMatch). */
  skills?: readonly string[];
  /**
   * The work's territory: a territory key, or a territory rule set's result
   * `{ territory, team?, owner? }` as a business-rule task writes it (user tasks pass the
   * variable `territory`). Its owner serves territoryOwner; its team is used when `team` is absent.
   */
  territory?: unknown;
}

export interface AssignmentOutcome {
  /** The chosen username, or null: the work belongs in the unsorted queue (UNSORTED_QUEUE). */
  assignee: string | null;
  /** The strategy that decided: the requested one, or `unsorted` when it found nobody. */
  strategy: AssignmentStrategy;
  requestedStrategy: AssignmentStrategy;
  /** Why, in words (kept in history and shown with the task). */
  reason: string;
}
