// The record's process in the diagram's words: the process by its name and where it waits by its
// elements' names, as the engine answers them from the version the instance runs. An id is shown
// only where the diagram gives no name (the modeller left it unnamed), so the card never goes blank.
import type { TaskView } from '@stageflow/api-contract';
import type { RecordProcessInstance } from '../api/record-process.query';

/** The process's name, or its key when the diagram names none. */
export function processName(instance: Pick<RecordProcessInstance, 'definitionKey' | 'definitionName'>): string {
  return instance.definitionName?.trim() || instance.definitionKey;
}

/** The elements the instance waits at, each by its name (its id when unnamed), each once. */
export function waitingAt(instance: Pick<RecordProcessInstance, 'activeElements'>): string[] {
  return [...new Set(instance.activeElements.map((element) => element.name?.trim() || element.id))];
}

/** An open task by its name (the task element's name in the diagram), its element id when unnamed. */
export function taskName(task: Pick<TaskView, 'name' | 'elementId'>): string {
  return task.name?.trim() || task.elementId;
}

/** Running instances first, then the others newest first as the engine answers them. */
export function runningFirst<T extends Pick<RecordProcessInstance, 'state'>>(instances: readonly T[]): T[] {
  const running = (instance: T) => instance.state === 'active' || instance.state === 'incident';
  return [...instances].sort((a, b) => Number(running(b)) - Number(running(a)));
}
