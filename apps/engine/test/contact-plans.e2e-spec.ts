// Contact plans end to end: a service task's startContactPlan action (whose plan key a variable
// picks) schedules one job per step at the start + offset by the database clock, in the run's
// transaction; each step runs once through the action runners, and not after the instance ended.
import { actionTemplate, serviceTaskDiagram } from './support/actions.js';
import { contactPlan } from './support/contact-plans.js';
import { contractIssues } from '@stageflow/api-contract';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

async function start(key: string, variables: Record<string, unknown>): Promise<string> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function planStarted(id: string): Promise<Date> {
  return eventually(async () => {
    const rows = await suite.query<{ started_at: Date }>('SELECT started_at FROM contact_plan_starts WHERE process_instance_id = $1', [id]);
    return rows[0]?.started_at;
  }, `the contact plan of ${id} to start`);
}

async function notifications(id: string): Promise<string[]> {
  const rows = await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1 ORDER BY message', [id]);
  return rows.map((row) => row.message);
}

async function stepJob(id: string, stepId: string): Promise<{ id: string; run_at: Date; payload: Record<string, unknown> } | undefined> {
  const rows = await suite.query<{ id: string; run_at: Date; payload: Record<string, unknown> }>(
    'SELECT id::text, run_at, payload FROM graphile_worker._private_jobs WHERE key = $1',
    [`contact-plan:${id}:welcome-plan:${stepId}`],
  );
  return rows[0];
}

/** Makes the step's pending job due now, and adds a copy of it: the step's job runs twice. */
async function runStepTwiceNow(id: string, stepId: string): Promise<void> {
  const job = await stepJob(id, stepId);
  if (!job) throw new Error(`no pending job for step ${stepId}`);
  await suite.query("SELECT graphile_worker.add_job('stageflow.run-contact-plan-step', $1::json, job_key := $2)", [JSON.stringify(job.payload), `again:${id}`]);
  await suite.query('SELECT graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at := now())', [job.id]);
  await eventually(async () => {
    const left = await suite.query<{ count: string }>('SELECT count(*) FROM graphile_worker.jobs WHERE key = ANY($1::text[])', [
      [`again:${id}`, `contact-plan:${id}:welcome-plan:${stepId}`],
    ]);
    return Number(left[0]?.count) === 0 ? true : undefined;
  }, `both jobs of step ${stepId} to be worked`);
}

const DAY = 86_400_000;

/** start -> `first` and then `again`, both starting the plan the variable `plan` names -> user task `next`. */
const twiceDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="plan_twice" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
    <bpmn:serviceTask id="first" stageflow:action="start_plan" />
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="again" />
    <bpmn:serviceTask id="again" stageflow:action="start_plan" />
    <bpmn:sequenceFlow id="f3" sourceRef="again" targetRef="next" />
    <bpmn:userTask id="next" />
    <bpmn:sequenceFlow id="f4" sourceRef="next" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

describe('contact plans', () => {
  beforeAll(async () => {
    await suite.createUser('anna', ['seller']);
    await suite.deploy([
      {
        name: 'welcome.contact-plan.json',
        content: contactPlan('welcome-plan', [
          { id: 'meeting', offset: 'P1W', action: { type: 'notifyUser', user: '{{ owner }}', message: 'Day 7: meet {{ lead.name }}' } },
          { id: 'welcome', offset: 'PT0S', action: { type: 'notifyUser', user: '{{ owner }}', message: 'Day 0: welcome {{ lead.name }}' } },
          { id: 'call', offset: 'P2D', action: { type: 'notifyUser', user: '{{ owner }}', message: 'Day 2: call {{ lead.name }} ({{ lead.phone }})' } },
        ]),
      },
      { name: 'start-plan.action.json', content: actionTemplate('start_plan', { type: 'startContactPlan', plan: '{{ plan }}' }) },
      { name: 'plan-lead.bpmn', content: serviceTaskDiagram('plan_lead', 'start_plan') },
      { name: 'plan-lead-caught.bpmn', content: serviceTaskDiagram('plan_lead_caught', 'start_plan', { catchCode: 'UNKNOWN_CONTACT_PLAN' }) },
      { name: 'plan-twice.bpmn', content: twiceDiagram },
    ]);
  });

  it('given a plan with day-0, day-2 and day-7 steps, when a service task starts it, then day 0 runs at once and the others are jobs at the start + offset', async () => {
    const id = await start('plan_lead', { plan: 'welcome-plan', owner: 'anna', lead: { name: 'Jane', phone: '+49 30 1234' } });

    const startedAt = await planStarted(id);
    await eventually(async () => ((await notifications(id)).length === 1 ? true : undefined), 'the day-0 step to run');

    expect(await notifications(id)).toEqual(['Day 0: welcome Jane']);
    expect((await stepJob(id, 'call'))?.run_at.getTime()).toBe(startedAt.getTime() + 2 * DAY);
    expect((await stepJob(id, 'meeting'))?.run_at.getTime()).toBe(startedAt.getTime() + 7 * DAY);
    const history = await suite.query<{ payload: { plan: string; steps: { stepId: string; runAt: string }[] } }>(
      "SELECT payload FROM history WHERE process_instance_id = $1 AND event = 'contact-plan-started'",
      [id],
    );
    expect(history).toEqual([
      {
        payload: expect.objectContaining({
          plan: 'welcome-plan',
          version: 1,
          steps: [
            { stepId: 'welcome', runAt: startedAt.toISOString() },
            { stepId: 'call', runAt: new Date(startedAt.getTime() + 2 * DAY).toISOString() },
            { stepId: 'meeting', runAt: new Date(startedAt.getTime() + 7 * DAY).toISOString() },
          ],
        }),
      },
    ]);
  });

  it('given a scheduled step, when its job runs twice, then the step runs once over the variables of that moment', async () => {
    const id = await start('plan_lead', { plan: 'welcome-plan', owner: 'anna', lead: { name: 'Joe', phone: 'unknown' } });
    await planStarted(id);
    await eventually(async () => ((await notifications(id)).length === 1 ? true : undefined), 'the day-0 step to run');
    await suite.query(`UPDATE process_instances SET state = jsonb_set(state, '{variables,lead,phone}', '"+44 20 7946"') WHERE id = $1`, [id]);

    await runStepTwiceNow(id, 'call');

    expect(await notifications(id)).toEqual(['Day 0: welcome Joe', 'Day 2: call Joe (+44 20 7946)']);
    const runs = await suite.query<{ idempotency_key: string; action_key: string }>(
      'SELECT idempotency_key, action_key FROM action_runs WHERE process_instance_id = $1 AND contact_plan_id IS NOT NULL ORDER BY action_key',
      [id],
    );
    expect(runs).toEqual([
      { idempotency_key: `${id}:contact-plan:welcome-plan:call`, action_key: 'welcome-plan/call' },
      { idempotency_key: `${id}:contact-plan:welcome-plan:welcome`, action_key: 'welcome-plan/welcome' },
    ]);
  });

  it('given a cancelled instance, when a step of its plan comes due, then the step does not run', async () => {
    const id = await start('plan_lead', { plan: 'welcome-plan', owner: 'anna', lead: { name: 'Max', phone: '1' } });
    await planStarted(id);
    await eventually(async () => ((await notifications(id)).length === 1 ? true : undefined), 'the day-0 step to run');
    const cancelled = await suite
      .http()
      .post(`/api/v1/process-instances/${id}/cancel`)
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(cancelled.status).toBeLessThan(300);

    await runStepTwiceNow(id, 'call');

    expect(await notifications(id)).toEqual(['Day 0: welcome Max']);
    const history = await suite.query<{ event: string; payload: { stepId: string; note?: string } }>(
      "SELECT event, payload FROM history WHERE process_instance_id = $1 AND event LIKE 'contact-plan-step-%' ORDER BY id",
      [id],
    );
    expect(history.map(({ event, payload }) => [event, payload.stepId, payload.note])).toEqual([
      ['contact-plan-step-ran', 'welcome', undefined],
      ['contact-plan-step-skipped', 'call', 'not run: the instance is terminated'],
    ]);
    const progress = await suite
      .http()
      .get(`/api/v1/process-instances/${id}/contact-plans`)
      .set(...bearer(suite.adminToken()));
    expect(progress.status).toBe(200);
    expect(progress.body).toEqual({
      items: [
        {
          planKey: 'welcome-plan',
          contactPlanId: expect.any(String),
          version: 1,
          name: 'welcome-plan',
          elementId: 'act',
          startedAt: expect.any(String),
          steps: [
            { id: 'welcome', actionType: 'notifyUser', runAt: expect.any(String), status: 'done', outcome: { kind: 'completed' } },
            {
              id: 'call',
              actionType: 'notifyUser',
              runAt: expect.any(String),
              status: 'skipped',
              outcome: { kind: 'completed', note: 'not run: the instance is terminated' },
            },
            { id: 'meeting', actionType: 'notifyUser', runAt: expect.any(String), status: 'scheduled', outcome: null },
          ],
        },
      ],
    });
    const startedAt = Date.parse(progress.body.items[0].startedAt as string);
    expect((progress.body.items[0].steps as { runAt: string }[]).map((step) => Date.parse(step.runAt) - startedAt)).toEqual([0, 2 * DAY, 7 * DAY]);
  });

  it('given a plan already started on the instance, when a second task starts it again, then nothing more is scheduled and its steps run once', async () => {
    const id = await start('plan_twice', { plan: 'welcome-plan', owner: 'anna', lead: { name: 'Eva', phone: '2' } });

    const runs = await eventually(async () => {
      const rows = await suite.query<{ element_id: string; outcome: { kind: string; note?: string } }>(
        "SELECT element_id, outcome FROM action_runs WHERE process_instance_id = $1 AND action_type = 'startContactPlan' ORDER BY created_at",
        [id],
      );
      return rows.length === 2 && rows.every((row) => row.outcome.kind !== 'running') ? rows : undefined;
    }, 'both tasks to run their action');
    await eventually(async () => ((await notifications(id)).length === 1 ? true : undefined), 'the day-0 step to run');

    expect(runs).toEqual([
      { element_id: 'first', outcome: { kind: 'completed', note: 'contact plan welcome-plan version 1 started: 3 steps scheduled' } },
      { element_id: 'again', outcome: { kind: 'completed', note: 'contact plan welcome-plan was already started on this instance' } },
    ]);
    expect(await suite.query('SELECT element_id FROM contact_plan_starts WHERE process_instance_id = $1', [id])).toEqual([{ element_id: 'first' }]);
    expect(await notifications(id)).toEqual(['Day 0: welcome Eva']);
    const started = await suite.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM history WHERE process_instance_id = $1 AND event = 'contact-plan-started'",
      [id],
    );
    expect(started).toEqual([{ n: 1 }]);
  });

  it('given deployed plans, when listed and read, then each version is there with its document; a second version comes first; unknown ids are 404', async () => {
    const first = contactPlan('listed-plan', [{ id: 'welcome', offset: 'PT0S', action: { type: 'notifyUser', user: '{{ owner }}', message: 'Hi' } }]);
    const changed = contactPlan('listed-plan', [{ id: 'welcome', offset: 'PT0S', action: { type: 'notifyUser', user: '{{ owner }}', message: 'Hello' } }]);
    await suite.deploy([{ name: 'listed.contact-plan.json', content: first }]);
    await suite.deploy([{ name: 'listed.contact-plan.json', content: changed }]);

    const all = await suite.as(suite.adminToken()).get('/contact-plans?key=listed-plan');
    const latest = await suite.as(suite.adminToken()).get('/contact-plans?latest=true');
    const one = await suite.as(suite.adminToken()).get(`/contact-plans/${all.body.items[0].id}`);

    expect(contractIssues('ContactPlanPage', all.body)).toEqual([]);
    expect(all.body.items.map((plan: { version: number }) => plan.version)).toEqual([2, 1]);
    expect(all.body.items[0]).toEqual(expect.objectContaining({ key: 'listed-plan', resourceName: 'listed.contact-plan.json' }));
    expect(latest.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'listed-plan', version: 2 }), expect.objectContaining({ key: 'welcome-plan', version: 1 })]),
    );
    expect(latest.body.items.filter((plan: { key: string }) => plan.key === 'listed-plan')).toHaveLength(1);
    expect(contractIssues('ContactPlan', one.body)).toEqual([]);
    expect(one.body.content).toEqual(JSON.parse(changed));
    expect((await suite.as(suite.adminToken()).get('/contact-plans/not-a-uuid')).status).toBe(404);
    expect((await suite.as(suite.adminToken()).get('/contact-plans/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('given an unknown instance, when its contact plans are read, then 404', async () => {
    const response = await suite
      .http()
      .get('/api/v1/process-instances/00000000-0000-4000-8000-000000000000/contact-plans')
      .set(...bearer(suite.adminToken()));
    expect(response.status).toBe(404);
  });

  it('given a plan key that no plan has, when the action runs, then it fails with UNKNOWN_CONTACT_PLAN', async () => {
    const id = await start('plan_lead_caught', { plan: 'no-such-plan', owner: 'anna' });

    const failed = await eventually(async () => {
      const rows = await suite.query<{ payload: { errorCode: string } }>(
        "SELECT payload FROM history WHERE process_instance_id = $1 AND event = 'action-failed'",
        [id],
      );
      return rows[0];
    }, 'the action to fail');
    expect(failed.payload.errorCode).toBe('UNKNOWN_CONTACT_PLAN');
  });

  it('given an invalid plan, when deployed, then 422 names each problem by resource and JSON path and nothing is stored', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'bad-plan',
        resources: [
          {
            name: 'bad.contact-plan.json',
            content: contactPlan('bad-plan', [
              { id: 'a', offset: 'P1M', action: { type: 'notifyUser', user: 'anna', message: 'x' } },
              { id: 'b', offset: 'P1D', action: { type: 'sendEmail', to: 'x@example.com', subject: 'Hi', template: 'no-such-template' } },
            ]),
          },
        ],
      });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { resource: 'bad.contact-plan.json', path: 'steps[0].offset', message: expect.stringContaining('ISO 8601 duration') },
    ]);
    const fixed = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'bad-plan',
        resources: [
          {
            name: 'bad.contact-plan.json',
            content: contactPlan('bad-plan', [
              { id: 'b', offset: 'P1D', action: { type: 'sendEmail', to: 'x@example.com', subject: 'Hi', template: 'no-such-template' } },
            ]),
          },
        ],
      });
    expect(fixed.status).toBe(422);
    expect(fixed.body.details).toEqual([
      {
        resource: 'bad.contact-plan.json',
        path: 'steps[0].action.template',
        message: expect.stringContaining('"no-such-template" is not a deployed template'),
      },
    ]);
    expect(await suite.query('SELECT key FROM contact_plans WHERE key = $1', ['bad-plan'])).toEqual([]);
  });

  it('given an action template or an actions rule set starting a literal plan key that no plan has, when deployed, then 422 names the resource and path', async () => {
    const actionsRuleSet = JSON.stringify({
      key: 'plan-on-start',
      name: 'Plans on start',
      kind: 'actions',
      hitPolicy: 'all',
      facts: { country: 'string' },
      rules: [
        {
          id: 'german',
          conditions: { all: [{ fact: 'country', operator: 'equal', value: 'DE' }] },
          result: { on: 'processStarted', actions: [{ type: 'startContactPlan', plan: 'no-such-plan' }] },
        },
      ],
    });
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'literal-plans',
        resources: [
          { name: 'literal.action.json', content: actionTemplate('literal_plan', { type: 'startContactPlan', plan: 'welcome-plann' }) },
          { name: 'known.action.json', content: actionTemplate('known_plan', { type: 'startContactPlan', plan: 'welcome-plan' }) },
          { name: 'on-start.rule-set.json', content: actionsRuleSet },
        ],
      });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      {
        resource: 'literal.action.json',
        path: 'action.plan',
        message: 'action.plan "welcome-plann" is neither a contact plan of this deployment nor deployed',
      },
      {
        resource: 'on-start.rule-set.json',
        elementId: 'german',
        path: 'rules[0].result.actions[0].plan',
        message: 'rules[0].result.actions[0].plan "no-such-plan" is neither a contact plan of this deployment nor deployed',
      },
    ]);
  });
});
