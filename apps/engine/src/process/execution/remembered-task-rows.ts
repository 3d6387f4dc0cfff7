// The user-task rows a command's write inserts, as a read of them would return them: what
// RecentInstances remembers, so the next completion of one of them needs no read.
import type { EffectsPlan } from './effects-plan.js';
import type { TaskRow } from './instance-store.repository.js';

export function rememberedTaskRows(processInstanceId: string, plan: EffectsPlan, now: string): TaskRow[] {
  return plan.newTasks.map((task) => ({
    id: task.id,
    processInstanceId,
    elementId: task.elementId,
    name: task.name,
    assignee: task.assignee,
    candidateGroups: task.candidateGroups,
    dueAt: task.dueAt === null ? null : new Date(task.dueAt),
    priority: task.priority,
    formKey: task.formKey,
    state: 'created',
    variables: task.variables,
    createdAt: new Date(now),
    completedAt: null,
    completedBy: null,
    assignment: task.assignedBy ?? null,
    source: 'bpmn',
    description: null,
  }));
}
