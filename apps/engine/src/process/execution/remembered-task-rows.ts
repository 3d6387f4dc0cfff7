// The user-task rows a command's write inserts, as a read of them would return them: what
// RecentInstances remembers, so the next completion of one of them needs no read.
import type { UserTaskRow } from '../tasks/user-task.row.js';
import type { EffectsPlan } from './effects-plan.js';

export function rememberedTaskRows(processInstanceId: string, plan: EffectsPlan, now: string): UserTaskRow[] {
  return plan.newTasks.map((task) => ({
    id: task.id,
    process_instance_id: processInstanceId,
    element_id: task.elementId,
    name: task.name,
    assignee: task.assignee,
    candidate_groups: task.candidateGroups,
    due_at: task.dueAt === null ? null : new Date(task.dueAt),
    priority: task.priority,
    form_key: task.formKey,
    state: 'created',
    variables: task.variables,
    created_at: new Date(now),
    completed_at: null,
    completed_by: null,
    assignment: task.assignedBy ?? null,
    source: 'bpmn',
    description: null,
  }));
}
