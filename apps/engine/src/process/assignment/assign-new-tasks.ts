// The engine step between the interpreter and the command's write: each new task whose
// TaskCreated carried an assignment decision gets its user from AssignmentService, inside the
// command's transaction — so a round-robin turn is taken exactly when the command commits —
// and the choice is written with the task and as a `task-assigned` history entry right after
// its `task-created` one.
import type { AssignmentStrategy } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';
import type { EffectsPlan, HistoryRow, NewTaskRow } from '../execution/effects-plan.js';
import type { AssignmentService } from './assignment.service.js';
import type { AssignmentOutcome } from './assignment.types.js';
import type { TaskAssignmentRecord } from './task-assignment-record.js';
import { UNSORTED_QUEUE } from '../../platform/identity/teams/unsorted-queue.js';

const STRATEGIES: readonly AssignmentStrategy[] = ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted'];

export function needsAssignment(plan: EffectsPlan): boolean {
  return plan.newTasks.some((task) => task.assignment !== undefined);
}

export async function assignNewTasks(plan: EffectsPlan, tx: Queryable, assignments: AssignmentService): Promise<void> {
  for (const task of plan.newTasks) {
    if (!task.assignment) continue;
    const outcome = await outcomeFor(task.assignment, tx, assignments);
    task.assignee = outcome.assignee;
    if (outcome.assignee === null && !task.candidateGroups.includes(UNSORTED_QUEUE)) task.candidateGroups = [...task.candidateGroups, UNSORTED_QUEUE];
    const record: TaskAssignmentRecord = {
      strategy: outcome.strategy,
      requestedStrategy: outcome.requestedStrategy,
      reason: outcome.reason,
      ruleSet: task.assignment.ruleSet,
    };
    task.assignedBy = record;
    insertAfterCreated(plan.history, task, {
      elementId: task.elementId,
      elementType: 'bpmn:UserTask',
      event: 'task-assigned',
      payload: { taskId: task.id, user: outcome.assignee, ...record },
    });
  }
}

async function outcomeFor(assignment: NonNullable<NewTaskRow['assignment']>, tx: Queryable, assignments: AssignmentService): Promise<AssignmentOutcome> {
  const { decision, ruleSet } = assignment;
  if (decision === null) {
    return {
      assignee: null,
      strategy: 'unsorted',
      requestedStrategy: 'unsorted',
      reason: `no rule of "${ruleSet}" matched and it has no fallback; left in the unsorted queue`,
    };
  }
  const strategy = STRATEGIES.find((known) => known === decision.strategy);
  if (strategy === undefined) {
    // Deployed rule sets are validated, so only a hand-edited database gets here.
    return {
      assignee: null,
      strategy: 'unsorted',
      requestedStrategy: 'unsorted',
      reason: `"${decision.strategy}" of "${ruleSet}" is not a strategy; left in the unsorted queue`,
    };
  }
  return assignments.assign({ strategy, team: decision.team, skills: decision.skills, territory: assignment.territory }, tx);
}

function insertAfterCreated(history: HistoryRow[], task: NewTaskRow, row: HistoryRow): void {
  const created = history.findIndex((entry) => entry.event === 'task-created' && entry.payload?.taskId === task.id);
  history.splice(created < 0 ? history.length : created + 1, 0, row);
}
