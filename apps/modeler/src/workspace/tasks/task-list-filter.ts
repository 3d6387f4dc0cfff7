// What the task list shows (whose tasks, of which process and stage, due when, about which kind of record) as GET /tasks's
// query: the engine sorts (soonest due, then highest priority) and filters, so a page is right
// however many tasks there are.
import type { TaskStagesOfProcessView } from '@stageflow/api-contract';

export type TaskScope = 'mine' | 'visible' | 'unsorted';
export type DueWindow = 'any' | 'overdue' | 'today' | 'week';
export type RecordTypeFilter = 'any' | 'lead' | 'opportunity' | 'organization' | 'contact';

export interface TaskListFilter {
  /** mine: assigned to me; visible: mine and my teams' (a manager: every task); unsorted: the managers' queue. */
  scope: TaskScope;
  due: DueWindow;
  recordType: RecordTypeFilter;
  /** A process key, or '' for every process. */
  processKey: string;
  /** A stage (the `stageflow:stage` of the task's element), or '' for every stage. */
  stage: string;
}

export const DEFAULT_FILTER: TaskListFilter = { scope: 'visible', due: 'any', recordType: 'any', processKey: '', stage: '' };

/**
 * The stages to choose from (GET /tasks/stages): the chosen process's, or every process's once,
 * sorted. Stage names are the diagrams' words, shown as they are written.
 */
export function stageChoices(processes: readonly TaskStagesOfProcessView[], processKey: string): string[] {
  const stages = processes.filter((process) => processKey === '' || process.processKey === processKey).flatMap((process) => process.stages);
  return [...new Set(stages)].sort((a, b) => a.localeCompare(b));
}

/** The filter with another process: its stage kept only when that process has it. */
export function withProcess(filter: TaskListFilter, processKey: string, processes: readonly TaskStagesOfProcessView[]): TaskListFilter {
  const stage = filter.stage !== '' && stageChoices(processes, processKey).includes(filter.stage) ? filter.stage : '';
  return { ...filter, processKey, stage };
}

export const PAGE_SIZE = 100;

/** The first instant after the window: now (overdue), the end of today, or of the seventh day from today, in local time. */
export function dueBefore(window: DueWindow, now: Date): Date | undefined {
  if (window === 'any') return undefined;
  if (window === 'overdue') return now;
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  if (window === 'week') end.setDate(end.getDate() + 6);
  return end;
}

/** GET /tasks's path for the filter: open tasks, by due time then priority. */
export function taskListPath(filter: TaskListFilter, username: string, now: Date, offset = 0): string {
  const query = new URLSearchParams({ state: 'created', sort: 'due', limit: String(PAGE_SIZE), offset: String(offset) });
  if (filter.scope === 'mine') query.set('assignee', username);
  if (filter.scope === 'unsorted') query.set('queue', 'unsorted');
  const before = dueBefore(filter.due, now);
  if (before !== undefined) query.set('dueBefore', before.toISOString());
  if (filter.recordType !== 'any') query.set('recordType', filter.recordType);
  if (filter.processKey !== '') query.set('processKey', filter.processKey);
  if (filter.stage !== '') query.set('stage', filter.stage);
  return `/tasks?${query.toString()}`;
}

/** Overdue: due before now. */
export function isOverdue(dueAt: string | null, now: Date): boolean {
  return dueAt !== null && new Date(dueAt).getTime() < now.getTime();
}
