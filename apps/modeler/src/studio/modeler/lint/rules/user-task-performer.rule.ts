// stageflow/user-task-performer: a user task names who does it — an assignee, candidate groups or
// an assignment rule set. The engine deploys a task without any (it waits in the unsorted queue
// until someone assigns it), so this is a warning, not an error.
import type { StageflowRuleFactory } from '../lint-types';
import { elementLabel, isA, isInExecutedProcess, text } from '../moddle-element';

const PERFORMER_ATTRIBUTES = ['assignee', 'candidateGroups', 'assignment'] as const;

export const userTaskPerformerRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    if (!isA(element, 'bpmn:UserTask') || !isInExecutedProcess(element)) return;
    const named = PERFORMER_ATTRIBUTES.some((property) => (text(element, property) ?? '').trim() !== '');
    if (!named) {
      reporter.report(element.id, { key: 'stageflow/user-task-performer.nobody', values: { task: elementLabel(element) } });
    }
  },
});
