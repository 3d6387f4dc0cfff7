// The standard process packages of process-definitions/, zipped as `stageflow pack` zips them and
// deployed with POST /api/v1/packages; and the engine work a seller's week needs without sleeping:
// a timer's job made due now.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageFolder } from '@stageflow/package-folder';
import { packPackage } from '@stageflow/process-package';
import type { EngineSuite } from './engine-suite.js';
import { eventually } from './polling.js';

const PROCESS_DEFINITIONS = join(dirname(fileURLToPath(import.meta.url)), '../../../../process-definitions');

/** A standard package folder as its zip, as `stageflow pack` makes it (the same reader, the same packer). */
export async function standardPackageZip(name: string): Promise<Buffer> {
  const { files, problems } = await readPackageFolder(join(PROCESS_DEFINITIONS, name));
  if (problems.length > 0) throw new Error(`process-definitions/${name}: ${JSON.stringify(problems)}`);
  return Buffer.from(packPackage(files));
}

/** Deploys standard packages in order with POST /packages; their record types start their processes. */
export async function deployStandardPackages(suite: EngineSuite, names: string[]): Promise<void> {
  for (const name of names) {
    const response = await suite
      .http()
      .post('/api/v1/packages')
      .set('Authorization', `Bearer ${suite.adminToken()}`)
      .set('Content-Type', 'application/zip')
      .send(await standardPackageZip(name));
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`deploying ${name} failed: ${response.status} ${JSON.stringify(response.body, null, 2)}`);
  }
}

/** Sets some of a package's parameters (the others keep their current values). */
export async function setPackageParameters(suite: EngineSuite, name: string, values: Record<string, unknown>): Promise<void> {
  const admin = suite.as(suite.adminToken());
  const current = await admin.get(`/packages/${name}/parameters`);
  if (current.status !== 200) throw new Error(`reading the parameters of ${name} failed: ${current.status} ${current.text}`);
  const changed = await admin.put(`/packages/${name}/parameters`, { ...(current.body as { values: object }).values, ...values });
  if (changed.status !== 200) throw new Error(`setting the parameters of ${name} failed: ${changed.status} ${changed.text}`);
}

interface HistoryItem {
  event: string;
  elementId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Fires the timer the instance waits for at `elementId` now, instead of at its due time: its job
 * (`timer:<id>`) is made due and the worker runs it. Answers the timer's due time as scheduled.
 */
export async function fireTimerNow(suite: EngineSuite, instanceId: string, elementId: string): Promise<string> {
  const job = await eventually(async () => {
    const history = await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}/history`);
    const scheduled = (history.body.items as HistoryItem[]).filter((item) => item.event === 'timer-scheduled' && item.elementId === elementId);
    for (const item of scheduled.reverse()) {
      const rows = await suite.query<{ id: string }>('SELECT id::text FROM graphile_worker._private_jobs WHERE key = $1', [
        `timer:${String(item.payload.timerId)}`,
      ]);
      if (rows[0]) return { id: rows[0].id, key: `timer:${String(item.payload.timerId)}`, dueAt: String(item.payload.dueAt) };
    }
    return undefined;
  }, `the timer at ${elementId} of instance ${instanceId}`);
  await suite.query('SELECT graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at := now())', [job.id]);
  await eventually(async () => {
    const left = await suite.query('SELECT 1 FROM graphile_worker._private_jobs WHERE key = $1', [job.key]);
    return left.length === 0 ? true : undefined;
  }, `the timer at ${elementId} to fire`);
  return job.dueAt;
}

export interface TaskView {
  id: string;
  elementId: string;
  name: string;
  assignee: string | null;
  dueAt: string | null;
  priority: number | null;
  candidateGroups: string[];
  processInstanceId: string;
}

/** The open task of the instance at `elementId`, once there is one. */
export function openTask(suite: EngineSuite, instanceId: string, elementId: string): Promise<TaskView> {
  return eventually(async () => {
    const tasks = await suite.as(suite.adminToken()).get(`/tasks?processInstanceId=${instanceId}&state=created`);
    return (tasks.body.items as (TaskView & { state?: string })[]).find((task) => task.elementId === elementId);
  }, `a task at ${elementId} of instance ${instanceId}`);
}

/** The id of the process instance a record's creation started. */
export function recordInstance(suite: EngineSuite, path: string): Promise<string> {
  return eventually(async () => {
    const process = await suite.as(suite.adminToken()).get(`${path}/process`);
    return (process.body.instances?.[0]?.id as string | undefined) ?? undefined;
  }, `the process of ${path}`);
}

/** The e-mails an instance queued, oldest first. */
export async function emailsOf(suite: EngineSuite, instanceId: string): Promise<{ to: string; subject: string; body: string }[]> {
  const emails = await suite.as(suite.adminToken()).get(`/emails?processInstanceId=${instanceId}&limit=100`);
  return (emails.body.items as { to: string; subject: string; body: string; createdAt: string }[]).slice().reverse();
}
