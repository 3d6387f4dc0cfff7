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
      id: 'call-overdue',
      conditions: { all: [{ fact: 'event', path: '$.taskName', operator: 'equal', value: 'Call back' }] },
      result: { on: 'taskOverdue', actions: [{ type: 'notifyUser', user: 'ev-anna', message: 'Overdue: call {{ lead }} back' }] },
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

/** start -> "Call back" (due 2 s after it is created) -> end. */
const callBack = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="ev_call_back" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Call back" stageflow:dueDate="PT2S" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

async function start(variables: Record<string, unknown>, key = 'ev_lead'): Promise<string> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

describe('actions rule sets on process events', () => {
  beforeAll(async () => {
    await suite.createUser('ev-anna', ['seller']);
    await suite.deploy([
      { name: 'lead-events.rule-set.json', content: leadEvents },
      { name: 'lead.bpmn', content: stagedLead },
      { name: 'call-back.bpmn', content: callBack },
    ]);
  });

  it('given a rule on processStarted whose condition holds, when a lead starts, then its actions run: a notification and the variables set on the instance', async () => {
    const id = await start({ lead: 'Jane', budget: 5000 });

    const notification = await eventually(
      async () => (await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]))[0],
      'the notification',
    );
    const variables = await eventually(async () => {
      const detail = (
        await suite
          .http()
          .get(`/api/v1/process-instances/${id}`)
          .set(...bearer(suite.adminToken()))
      ).body as { variables: Record<string, unknown> };
      return detail.variables.greeted === undefined ? undefined : detail.variables;
    }, 'the variables set by the rule');

    expect(notification.message).toBe('New lead Jane (5000)');
    expect(variables).toEqual({ lead: 'Jane', budget: 5000, greeted: 'yes' });
  });

  it('given rules on leaving Qualification and entering Offer, when the lead moves on, then each runs once: a notification and an ad-hoc task at the Offer step', async () => {
    const id = await start({ lead: 'Joe', budget: 10 });
    const [qualify] = await suite.query<{ id: string }>("SELECT id FROM user_tasks WHERE process_instance_id = $1 AND element_id = 'qualify'", [id]);
    const noTaskBefore = await suite.query<{ count: string }>("SELECT count(*) FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'", [id]);

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${qualify!.id}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(completed.status).toBe(200);
    const task = await eventually(
      async () =>
        (
          await suite.query<{ name: string; element_id: string }>(
            "SELECT name, element_id FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'",
            [id],
          )
        )[0],
      'the offer task',
    );

    const left = await eventually(
      async () => (await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]))[0],
      'the stage-left notification',
    );

    expect(Number(noTaskBefore[0]?.count)).toBe(0);
    expect(task).toEqual({ name: 'Prepare the offer for Joe', element_id: 'offer' });
    expect(left.message).toBe('Joe left Qualification');
    const runs = await suite.query<{ action_key: string }>('SELECT action_key FROM action_runs WHERE process_instance_id = $1 ORDER BY action_key', [id]);
    expect(runs.map((run) => run.action_key)).toEqual(['ev_lead_events/offer-stage', 'ev_lead_events/qualified']);
  });

  it('given a rule on taskOverdue, when a task is still open at its due date, then the rule runs; a task completed in time is not overdue', async () => {
    const late = await start({ lead: 'Late Lou' }, 'ev_call_back');
    const onTime = await start({ lead: 'Quick Quinn' }, 'ev_call_back');
    const [task] = await suite.query<{ id: string }>('SELECT id FROM user_tasks WHERE process_instance_id = $1', [onTime]);
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/tasks/${task!.id}/complete`)
          .set(...bearer(suite.adminToken()))
          .send({})
      ).status,
    ).toBe(200);

    const overdue = await eventually(
      async () => (await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [late]))[0],
      'the overdue notification',
    );
    await eventually(async () => {
      // Every event job of this suite worked, the on-time task's overdue one included.
      const pending = await suite.query<{ count: string }>("SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'stageflow.process-event'");
      return Number(pending[0]?.count) === 0 ? true : undefined;
    }, 'the event jobs to be worked');

    expect(overdue.message).toBe('Overdue: call Late Lou back');
    const none = await suite.query<{ count: string }>('SELECT count(*) FROM notifications WHERE process_instance_id = $1', [onTime]);
    expect(Number(none[0]?.count)).toBe(0);
  });
});
