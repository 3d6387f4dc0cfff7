// A job lock can outlive its answer: when the connection drops while graphile-worker's get_job
// commits (a database restart), the job is locked by this node's live worker pool, yet no worker
// got it. graphile-worker would release it after 4 hours; the node's heartbeat releases its own
// locks that no worker of the node is running once they are older than STAGEFLOW_NODE_DEAD_AFTER_MS.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const DEAD_AFTER_MS = 2000;
const suite = setupEngineSuite({ env: { STAGEFLOW_NODE_DEAD_AFTER_MS: String(DEAD_AFTER_MS) } });

const WAIT_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="nap" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('job locks whose answer was lost', () => {
  it('given a timer job locked by the live node whose worker never received it, then the node releases the lock and the timer fires once', async () => {
    await suite.deploy([{ name: 'nap.bpmn', content: WAIT_DIAGRAM }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/nap/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(started.status).toBe(201);
    const instanceId = started.body.id as string;
    const [scheduled] = await suite.query<{ timer_id: string }>(
      `SELECT payload->>'timerId' AS timer_id FROM history WHERE process_instance_id = $1 AND event = 'timer-scheduled'`,
      [instanceId],
    );
    const pool = await eventually(async () => {
      const [node] = await suite.query<{ pools: string[] }>('SELECT worker_pool_ids AS pools FROM engine_nodes');
      return node?.pools[0];
    }, 'the node to announce its worker pool');

    // What get_job does when its answer is lost: the (now due) job is locked by this node's pool, no worker runs it.
    const locked = await suite.query<{ id: string }>(
      `UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now(), run_at = now(), attempts = attempts + 1 WHERE key = $2 AND locked_by IS NULL RETURNING id`,
      [pool, `timer:${scheduled?.timer_id as string}`],
    );
    expect(locked).toHaveLength(1);

    await eventually(
      async () => {
        const [row] = await suite.query<{ status: string }>('SELECT status FROM process_instances WHERE id = $1', [instanceId]);
        return row?.status === 'completed' ? row : undefined;
      },
      'the timer to fire after its orphaned lock is released',
      30_000,
    );
    const fired = await suite.query(`SELECT 1 FROM history WHERE process_instance_id = $1 AND event = 'timer-fired'`, [instanceId]);
    expect(fired).toHaveLength(1);
    expect(await suite.query('SELECT 1 FROM graphile_worker._private_jobs WHERE id = $1', [locked[0]?.id])).toHaveLength(0);
  });
});
