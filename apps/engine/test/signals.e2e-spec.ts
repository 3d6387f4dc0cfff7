import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { signalStartDiagram, throwSignalDiagram, waitForSignalDiagram } from './support/correlation-diagrams.js';
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
  const response = await suite.http().post(`/api/v1/process-definitions/key/${key}/start`).set(...admin()).send({ variables });
  expect(response.status).toBe(201);
  return response.body as Instance;
}

async function instance(id: string): Promise<Instance> {
  return (await suite.http().get(`/api/v1/process-instances/${id}`).set(...admin())).body as Instance;
}

describe('POST /signals', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'reprice.bpmn', content: waitForSignalDiagram('repricing', 'price-list-changed') },
      { name: 'review.bpmn', content: signalStartDiagram('priceReview', 'price-list-changed') },
      { name: 'other.bpmn', content: waitForSignalDiagram('otherSignal', 'territories-changed') },
      { name: 'announce.bpmn', content: throwSignalDiagram('announceTerritories', 'territories-changed') },
    ]);
  });

  it('given three instances wait for a signal and a process starts with it, when it is broadcast, then all three move on and one instance starts', async () => {
    const waiting = [await start('repricing', { n: 1 }), await start('repricing', { n: 2 }), await start('repricing', { n: 3 })];
    const unrelated = await start('otherSignal');
    for (const w of waiting) expect(w.activeElementIds).toEqual(['waitSignal']);

    const response = await suite.http().post('/api/v1/signals').set(...admin()).send({ name: 'price-list-changed', variables: { priceList: 'Q4' } });

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
      const list = await suite.http().get('/api/v1/process-instances?definitionKey=priceReview').set(...admin());
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
      await eventually(async () => ((await instance(w.id)).activeElementIds.includes('reprice') ? true : undefined), `instance ${w.id} to receive the thrown signal`);
    }
    const broadcasts = await suite.query<{ source_instance_id: string }>(`SELECT source_instance_id FROM signal_broadcasts WHERE name = 'territories-changed'`);
    expect(broadcasts).toEqual([{ source_instance_id: thrower.id }]);
  });

  it('given nobody waits and no process starts with a signal, when it is broadcast, then 202 with zero counts', async () => {
    const response = await suite.http().post('/api/v1/signals').set(...admin()).send({ name: 'nobody-listens' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual(expect.objectContaining({ deliveries: 0, starts: 0 }));
  });

  it('given a body without a name, then 400 names the field', async () => {
    const response = await suite.http().post('/api/v1/signals').set(...admin()).send({ variables: {} });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: 'name is required', details: [{ path: 'name', message: 'is required' }] });
  });

  it('given a seller, when they broadcast, then 403', async () => {
    const seller = await suite.createUser('seller-signals', ['seller']);

    expect((await suite.http().post('/api/v1/signals').set(...bearer(seller.token)).send({ name: 'x' })).status).toBe(403);
  });
});
