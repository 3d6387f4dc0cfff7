// `actions` rule sets on process events: deployed rules decide what happens when a process
// starts, enters a stage, ... — run by the engine from a job written with the event.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const leadEvents = JSON.stringify({
  key: 'ev_lead_events',
  name: 'Lead events',
  kind: 'actions',
  hitPolicy: 'all',
  facts: { budget: 'number', event: 'object' },
  rules: [
    {
      id: 'welcome-big-lead',
      conditions: { all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: 1000 }] },
      result: {
        on: 'processStarted',
        actions: [
          { type: 'notifyUser', user: 'ev-anna', message: 'New lead {{ lead }} ({{ budget }})' },
          { type: 'setVariables', variables: { greeted: 'yes' } },
        ],
      },
    },
    {
      id: 'qualified',
      conditions: { all: [{ fact: 'event', path: '$.stage', operator: 'equal', value: 'Qualification' }] },
      result: { on: 'stageLeft', actions: [{ type: 'notifyUser', user: 'ev-anna', message: '{{ lead }} left {{ event.stage }}' }] },
    },
    {
      id: 'offer-stage',
      conditions: { all: [{ fact: 'event', path: '$.stage', operator: 'equal', value: 'Offer' }] },
      result: { on: 'stageEntered', actions: [{ type: 'createTask', title: 'Prepare the offer for {{ lead }}' }] },
    },
  ],
});

/** start -> "Qualify" (stage Qualification) -> "Offer" (stage Offer) -> end. */
const stagedLead = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="ev_lead" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify" stageflow:stage="Qualification" />
    <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="offer" />
    <bpmn:userTask id="offer" name="Offer" stageflow:stage="Offer" />
    <bpmn:sequenceFlow id="f3" sourceRef="offer" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

async function start(variables: Record<string, unknown>): Promise<string> {
  const response = await suite.http().post('/api/v1/process-definitions/key/ev_lead/start').set(...bearer(suite.adminToken())).send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

describe('actions rule sets on process events', () => {
  beforeAll(async () => {
    await suite.createUser('ev-anna', ['seller']);
    await suite.deploy([
      { name: 'lead-events.rule-set.json', content: leadEvents },
      { name: 'lead.bpmn', content: stagedLead },
    ]);
  });

  it('given a rule on processStarted whose condition holds, when a lead starts, then its actions run: a notification and the variables set on the instance', async () => {
    const id = await start({ lead: 'Jane', budget: 5000 });

    const notification = await eventually(async () => (await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]))[0], 'the notification');
    const variables = await eventually(async () => {
      const detail = (await suite.http().get(`/api/v1/process-instances/${id}`).set(...bearer(suite.adminToken()))).body as { variables: Record<string, unknown> };
      return detail.variables.greeted === undefined ? undefined : detail.variables;
    }, 'the variables set by the rule');

    expect(notification.message).toBe('New lead Jane (5000)');
    expect(variables).toEqual({ lead: 'Jane', budget: 5000, greeted: 'yes' });
  });

  it('given rules on leaving Qualification and entering Offer, when the lead moves on, then each runs once: a notification and an ad-hoc task at the Offer step', async () => {
    const id = await start({ lead: 'Joe', budget: 10 });
    const [qualify] = await suite.query<{ id: string }>("SELECT id FROM user_tasks WHERE process_instance_id = $1 AND element_id = 'qualify'", [id]);
    const noTaskBefore = await suite.query<{ count: string }>("SELECT count(*) FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'", [id]);

    const completed = await suite.http().post(`/api/v1/tasks/${qualify!.id}/complete`).set(...bearer(suite.adminToken())).send({});
    expect(completed.status).toBe(200);
    const task = await eventually(
      async () => (await suite.query<{ name: string; element_id: string }>("SELECT name, element_id FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'", [id]))[0],
      'the offer task',
    );

    const left = await eventually(async () => (await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]))[0], 'the stage-left notification');

    expect(Number(noTaskBefore[0]?.count)).toBe(0);
    expect(task).toEqual({ name: 'Prepare the offer for Joe', element_id: 'offer' });
    expect(left.message).toBe('Joe left Qualification');
    const runs = await suite.query<{ action_key: string }>('SELECT action_key FROM action_runs WHERE process_instance_id = $1 ORDER BY action_key', [id]);
    expect(runs.map((run) => run.action_key)).toEqual(['ev_lead_events/offer-stage', 'ev_lead_events/qualified']);
  });
});
