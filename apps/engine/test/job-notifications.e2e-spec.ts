// graphile-worker wakes idle workers with NOTIFY "jobs:insert", and PostgreSQL serialises the
// commits of transactions that notify (docs/jobs.md). A command that adds no job must therefore
// not notify: graphile-worker's add_jobs notifies even for an empty array, which the statements
// that add "the jobs of whatever rows they found" used to call on every message subscription
// opened or closed and every signal broadcast.
//
// Notifications arrive in commit order: after the commands under test, the test sends a barrier
// notification of its own; whatever arrived before it came from those commands.
import pg from 'pg';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { waitForMessageDiagram } from './support/correlation-diagrams.js';

const suite = setupEngineSuite();
const CHANNEL = 'jobs:insert';
const BARRIER = 'test-barrier';

const admin = (): [string, string] => bearer(suite.adminToken());

/** A LISTEN connection that collects the payloads of graphile-worker's channel. */
async function listen(): Promise<{ until(barrier: string): Promise<string[]>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: suite.databaseUrl() });
  await client.connect();
  const received: string[] = [];
  let onBarrier: (() => void) | undefined;
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL) return;
    if (message.payload === BARRIER) onBarrier?.();
    else received.push(message.payload ?? '');
  });
  await client.query(`LISTEN "${CHANNEL}"`);
  return {
    async until(barrier) {
      const arrived = new Promise<void>((resolve) => (onBarrier = resolve));
      await suite.query('SELECT pg_notify($1, $2)', [CHANNEL, barrier]);
      await arrived;
      return received.splice(0);
    },
    close: () => client.end(),
  };
}

async function completeTask(instanceId: string, elementId: string): Promise<void> {
  const tasks = await suite.http().get(`/api/v1/tasks?processInstanceId=${instanceId}&state=created`).set(...admin());
  const task = (tasks.body.items as { id: string; elementId: string }[]).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no open task at ${elementId}`);
  expect((await suite.http().post(`/api/v1/tasks/${task.id}/complete`).set(...admin()).send({})).status).toBe(200);
}

describe('job notifications', () => {
  beforeAll(async () => {
    await suite.deploy([{ name: 'wait.bpmn', content: waitForMessageDiagram('quietWait', 'quiet-offer-signed') }]);
  });

  it('given commands that open and close a message subscription and a signal nobody waits for, when they run, then none of them sends a job notification', async () => {
    const listener = await listen();
    try {
      const started = await suite.http().post('/api/v1/process-definitions/key/quietWait/start').set(...admin()).send({ variables: { leadId: 'Q-1' } });
      expect(started.status).toBe(201);

      await completeTask(started.body.id as string, 'call'); // opens the subscription (no buffered message to claim)
      const published = await suite.http().post('/api/v1/messages').set(...admin()).send({ name: 'quiet-offer-signed', correlationKey: 'Q-1' }); // closes it
      expect(published.status).toBe(200);
      const signal = await suite.http().post('/api/v1/signals').set(...admin()).send({ name: 'nobody-listens' });
      expect(signal.status).toBeLessThan(300);

      expect(await listener.until(BARRIER)).toEqual([]);
      const instance = await suite.http().get(`/api/v1/process-instances/${started.body.id as string}`).set(...admin());
      expect(instance.body.activeElementIds).toEqual(['promote']);
    } finally {
      await listener.close();
    }
  });

  it('given a command that adds a job, when it runs, then the workers are woken by a notification', async () => {
    const listener = await listen();
    try {
      // A message with a ttl and nobody waiting: buffered with its expiry job.
      const buffered = await suite.http().post('/api/v1/messages').set(...admin()).send({ name: 'quiet-offer-signed', correlationKey: 'Q-2', ttl: 'PT1H' });
      expect(buffered.status).toBe(202);

      expect((await listener.until(BARRIER)).length).toBeGreaterThan(0);
    } finally {
      await listener.close();
    }
  });
});
