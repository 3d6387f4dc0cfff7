import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { negotiationWithSignalBoundaryDiagram, signalStartDiagram, throwSignalDiagram, waitForSignalDiagram } from './support/correlation-diagrams.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

interface Instance {
  id: string;
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
}

const admin = (): [string, string] => bearer(suite.adminToken());

async function start(key: string, variables: Record<string, unknown> = {}): Promise<Instance> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...admin())
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body as Instance;
}

async function instance(id: string): Promise<Instance> {
  return (
    await suite
      .http()
      .get(`/api/v1/process-instances/${id}`)
      .set(...admin())
  ).body as Instance;
}

async function tasksOf(instanceId: string): Promise<{ element_id: string; state: string }[]> {
  return suite.query<{ element_id: string; state: string }>(
    'SELECT element_id, state FROM user_tasks WHERE process_instance_id = $1 ORDER BY element_id, created_at',
    [instanceId],
  );
}

/**
 * Adds a stageflow.deliver-signal job with exactly the payload of the broadcast's own job — what
 * graphile-worker does when a node dies after the handler's commit but before the job was marked
 * done — and waits until it has run (gone) or failed (an error recorded).
 */
async function deliverAgain(
  broadcastId: string,
  instanceId: string,
  signalName: string,
  variables: Record<string, unknown>,
): Promise<{ last_error: string | null }[]> {
  const key = `again:${broadcastId}:${instanceId}`;
  const payload = { processInstanceId: instanceId, signalName, variables, broadcastId };
  await suite.query(`SELECT graphile_worker.add_job('stageflow.deliver-signal', $1::json, job_key := $2)`, [JSON.stringify(payload), key]);
  return eventually(async () => {
    const left = await suite.query<{ last_error: string | null }>('SELECT last_error FROM graphile_worker.jobs WHERE key = $1', [key]);
    return left.length === 0 || left[0]!.last_error !== null ? left : undefined;
  }, 'the repeated delivery job to be worked');
}

describe('POST /signals', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'reprice.bpmn', content: waitForSignalDiagram('repricing', 'price-list-changed') },
      { name: 'review.bpmn', content: signalStartDiagram('priceReview', 'price-list-changed') },
      { name: 'other.bpmn', content: waitForSignalDiagram('otherSignal', 'territories-changed') },
      { name: 'announce.bpmn', content: throwSignalDiagram('announceTerritories', 'territories-changed') },
      { name: 'negotiation.bpmn', content: negotiationWithSignalBoundaryDiagram('negotiation', 'competitor-price-dropped') },
    ]);
  });

  it('given three instances wait for a signal and a process starts with it, when it is broadcast, then all three move on and one instance starts', async () => {
    const waiting = [await start('repricing', { n: 1 }), await start('repricing', { n: 2 }), await start('repricing', { n: 3 })];
    const unrelated = await start('otherSignal');
    for (const w of waiting) expect(w.activeElementIds).toEqual(['waitSignal']);

    const response = await suite
      .http()
      .post('/api/v1/signals')
      .set(...admin())
      .send({ name: 'price-list-changed', variables: { priceList: 'Q4' } });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ signalId: expect.any(String), name: 'price-list-changed', deliveries: 3, starts: 1 });
    for (const w of waiting) {
      const moved = await eventually(async () => {
        const current = await instance(w.id);
        return current.activeElementIds.includes('reprice') ? current : undefined;
      }, `instance ${w.id} to receive the signal`);
      expect(moved.variables).toEqual(expect.objectContaining({ priceList: 'Q4' }));
    }
    const started = await eventually(async () => {
      const list = await suite
        .http()
        .get('/api/v1/process-instances?definitionKey=priceReview')
        .set(...admin());
      return list.body.total === 1 ? (list.body.items[0] as Instance) : undefined;
    }, 'the signal start event to start an instance');
    expect(started).toEqual(expect.objectContaining({ state: 'active', activeElementIds: ['review'], variables: { priceList: 'Q4' } }));
    expect((await instance(unrelated.id)).activeElementIds).toEqual(['waitSignal']);
  });

  it('given instances wait for a signal, when another instance throws it, then they receive it through the broadcast job', async () => {
    const waiting = [await start('otherSignal'), await start('otherSignal')];

    const thrower = await start('announceTerritories', { region: 'north' });

    expect(thrower.state).toBe('completed');
    for (const w of waiting) {
      await eventually(
        async () => ((await instance(w.id)).activeElementIds.includes('reprice') ? true : undefined),
        `instance ${w.id} to receive the thrown signal`,
      );
    }
    const broadcasts = await suite.query<{ source_instance_id: string }>(`SELECT source_instance_id FROM signal_broadcasts WHERE name = 'territories-changed'`);
    expect(broadcasts).toEqual([{ source_instance_id: thrower.id }]);
  });

  it('given a non-interrupting signal boundary took a broadcast, when its delivery job runs again with the same payload, then the boundary path started once', async () => {
    const negotiating = await start('negotiation');
    const response = await suite
      .http()
      .post('/api/v1/signals')
      .set(...admin())
      .send({ name: 'competitor-price-dropped', variables: { drop: 10 } });
    expect(response.body).toEqual(expect.objectContaining({ deliveries: 1 }));
    const signalId = (response.body as { signalId: string }).signalId;
    await eventually(async () => ((await tasksOf(negotiating.id)).some((t) => t.element_id === 'reprice') ? true : undefined), 'the boundary to open its task');

    const again = await deliverAgain(signalId, negotiating.id, 'competitor-price-dropped', { drop: 10 });

    expect(again).toEqual([]);
    expect(await tasksOf(negotiating.id)).toEqual([
      { element_id: 'negotiate', state: 'created' },
      { element_id: 'reprice', state: 'created' },
    ]);
    expect(await suite.query('SELECT broadcast_id, process_instance_id FROM signal_deliveries WHERE process_instance_id = $1', [negotiating.id])).toEqual([
      { broadcast_id: signalId, process_instance_id: negotiating.id },
    ]);
    expect(await suite.query(`SELECT kind FROM incidents WHERE process_instance_id = $1`, [negotiating.id])).toEqual([]);
  });

  it('given a non-interrupting signal boundary, when the signal is broadcast twice, then each broadcast starts the boundary path once', async () => {
    const negotiating = await start('negotiation');

    for (const drop of [5, 7]) {
      const response = await suite
        .http()
        .post('/api/v1/signals')
        .set(...admin())
        .send({ name: 'competitor-price-dropped', variables: { drop } });
      expect(response.status).toBe(202);
    }

    const tasks = await eventually(async () => {
      const current = await tasksOf(negotiating.id);
      return current.filter((t) => t.element_id === 'reprice').length === 2 ? current : undefined;
    }, 'both broadcasts to open a reprice task');
    expect(tasks.map((t) => t.element_id)).toEqual(['negotiate', 'reprice', 'reprice']);
    expect(await suite.query('SELECT count(*)::int AS n FROM signal_deliveries WHERE process_instance_id = $1', [negotiating.id])).toEqual([{ n: 2 }]);
  });

  it('given nobody waits and no process starts with a signal, when it is broadcast, then 202 with zero counts', async () => {
    const response = await suite
      .http()
      .post('/api/v1/signals')
      .set(...admin())
      .send({ name: 'nobody-listens' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual(expect.objectContaining({ deliveries: 0, starts: 0 }));
  });

  it('given a body without a name, then 400 names the field', async () => {
    const response = await suite
      .http()
      .post('/api/v1/signals')
      .set(...admin())
      .send({ variables: {} });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: 'name is required', details: [{ path: 'name', message: 'is required' }] });
  });

  it('given a seller, when they broadcast, then 403', async () => {
    const seller = await suite.createUser('seller-signals', ['seller']);

    expect(
      (
        await suite
          .http()
          .post('/api/v1/signals')
          .set(...bearer(seller.token))
          .send({ name: 'x' })
      ).status,
    ).toBe(403);
  });
});
