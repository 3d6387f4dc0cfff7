// What this node wrote last for the instances it moved most recently, so that the next command
// on one of them (a task completed right after the start that created it, the next step of a
// job chain) skips the read of the instance: a round trip to PostgreSQL and a statement less.
//
// A memory is never trusted, only tried: the command's write is conditional on the instance
// still being at the remembered version (and the task as remembered, see CommandWrite), so a
// memory gone stale — another node or another path moved the instance — writes nothing, is
// forgotten, and the command reads and runs again. Bounded: the oldest memories go first, and an
// instance that ended is forgotten at once.
import type { UserTaskRow } from '../tasks/user-task.row.js';
import type { LoadedInstance } from './instance-store.repository.js';

/** Instances remembered at most (a few KB each): the ones just moved, not the ones waiting. */
export const MAX_RECENT_INSTANCES = 2_000;

interface Memory {
  instance: LoadedInstance;
  /** Open user tasks of the diagram this node created on the instance, by id. */
  tasks: Map<string, UserTaskRow>;
}

export class RecentInstances {
  private readonly byInstance = new Map<string, Memory>();
  private readonly instanceOfTask = new Map<string, string>();

  constructor(private readonly capacity = MAX_RECENT_INSTANCES) {}

  /**
   * The instance as this node wrote it last (version, state, status), with the open tasks of
   * the diagram this node knows of, minus those the write settled. An ended instance is forgotten.
   */
  remember(instance: LoadedInstance, newTasks: readonly UserTaskRow[], settledTaskIds: readonly string[]): void {
    const before = this.byInstance.get(instance.id);
    this.forget(instance.id);
    if (instance.status !== 'active' || this.capacity === 0) return;
    const tasks = new Map(before?.tasks);
    for (const id of settledTaskIds) tasks.delete(id);
    for (const task of newTasks) tasks.set(task.id, task);
    this.byInstance.set(instance.id, { instance, tasks });
    for (const id of tasks.keys()) this.instanceOfTask.set(id, instance.id);
    if (this.byInstance.size > this.capacity) {
      const oldest = this.byInstance.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  /** The remembered task with its instance; undefined when this node does not remember it. */
  task(taskId: string): { task: UserTaskRow; instance: LoadedInstance } | undefined {
    const instanceId = this.instanceOfTask.get(taskId);
    const memory = instanceId === undefined ? undefined : this.byInstance.get(instanceId);
    const task = memory?.tasks.get(taskId);
    return memory && task ? { task, instance: memory.instance } : undefined;
  }

  forget(instanceId: string): void {
    const memory = this.byInstance.get(instanceId);
    if (!memory) return;
    this.byInstance.delete(instanceId);
    for (const id of memory.tasks.keys()) this.instanceOfTask.delete(id);
  }

  get size(): number {
    return this.byInstance.size;
  }
}
