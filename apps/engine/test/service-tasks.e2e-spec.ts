import { eventually } from './support/polling.js';
import { actionTemplate, serviceTaskDiagram } from './support/actions.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

interface InstanceDetail {
  id: string;
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
  incidents: { elementId: string | null; message: string }[];
}

async function start(key: string, variables: Record<string, unknown> = {}): Promise<string> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function instance(id: string): Promise<InstanceDetail> {
  return (
    await suite
      .http()
      .get(`/api/v1/process-instances/${id}`)
      .set(...bearer(suite.adminToken()))
  ).body as InstanceDetail;
}

/** The instance once its service task has been answered (it no longer waits at `act`). */
function movedOn(id: string): Promise<InstanceDetail> {
  return eventually(async () => {
    const detail = await instance(id);
    return detail.activeElementIds.includes('act') && detail.state !== 'incident' ? undefined : detail;
  }, `instance ${id} to leave its service task`);
}

describe('service tasks running action templates', () => {
  beforeAll(async () => {
    await suite.createUser('anna', ['seller']);
    await suite.deploy([
      {
        name: 'qualify.action.json',
        content: actionTemplate('mark_qualified', {
          type: 'setVariables',
          variables: { stage: 'Qualified', summary: '{{ lead.name }} from {{ lead.company | upcase }}' },
        }),
      },
      {
        name: 'notify.action.json',
        content: actionTemplate('notify_owner', { type: 'notifyUser', user: '{{ owner }}', message: 'New lead: {{ lead.name }}' }),
      },
      { name: 'qualify.bpmn', content: serviceTaskDiagram('qualify_lead', 'mark_qualified') },
      {
        name: 'runaway.action.json',
        content: actionTemplate('runaway', { type: 'setVariables', variables: { count: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' } }),
      },
      { name: 'runaway.bpmn', content: serviceTaskDiagram('runaway_process', 'runaway') },
      { name: 'notify.bpmn', content: serviceTaskDiagram('notify_lead', 'notify_owner', { task: 'sendTask' }) },
      { name: 'notify-caught.bpmn', content: serviceTaskDiagram('notify_caught', 'notify_owner', { catchCode: 'UNKNOWN_USER' }) },
    ]);
  });

  it('given a setVariables action, when the service task runs it, then the rendered variables are written and the instance moves on', async () => {
    const id = await start('qualify_lead', { lead: { name: 'Jane', company: 'Acme' }, stage: 'New' });

    const detail = await movedOn(id);

    expect(detail.activeElementIds).toEqual(['next']);
    expect(detail.variables).toEqual({ lead: { name: 'Jane', company: 'Acme' }, stage: 'Qualified', summary: 'Jane from ACME' });
    const runs = await suite.query<{ idempotency_key: string; action_type: string; outcome: unknown }>(
      'SELECT idempotency_key, action_type, outcome FROM action_runs WHERE process_instance_id = $1',
      [id],
    );
    expect(runs).toEqual([
      {
        idempotency_key: expect.stringMatching(new RegExp(`^${id}:`)),
        action_type: 'setVariables',
        outcome: { kind: 'completed', variables: { stage: 'Qualified', summary: 'Jane from ACME' } },
      },
    ]);
  });

  it('given a send task with a notifyUser action, when it runs, then the user has one notification and the history shows the request and its answer', async () => {
    const id = await start('notify_lead', { owner: 'anna', lead: { name: 'Jane' } });

    await movedOn(id);

    const notifications = await suite.query<{ username: string; message: string }>(
      'SELECT username, message FROM notifications WHERE process_instance_id = $1',
      [id],
    );
    expect(notifications).toEqual([{ username: 'anna', message: 'New lead: Jane' }]);
    const history = await suite.query<{ event: string }>("SELECT event FROM history WHERE process_instance_id = $1 AND event LIKE 'action-%' ORDER BY id", [
      id,
    ]);
    expect(history.map((row) => row.event)).toEqual(['action-requested', 'action-completed']);
  });

  it('given an action that already ran, when its job runs again, then the action is not run a second time', async () => {
    const id = await start('notify_lead', { owner: 'anna', lead: { name: 'Joe' } });
    await movedOn(id);
    const [job] = await suite.query<{ payload: Record<string, unknown> }>(
      "SELECT jsonb_build_object('processInstanceId', process_instance_id, 'actionId', split_part(idempotency_key, ':', 2), 'elementId', element_id, 'actionKey', action_key, 'variables', jsonb_build_object('owner', 'anna', 'lead', jsonb_build_object('name', 'Joe'))) AS payload FROM action_runs WHERE process_instance_id = $1",
      [id],
    );

    await suite.query("SELECT graphile_worker.add_job('stageflow.run-action', $1::json, job_key := 'test-again')", [JSON.stringify(job!.payload)]);
    await eventually(async () => {
      const left = await suite.query<{ count: string }>("SELECT count(*) FROM graphile_worker.jobs WHERE key = 'test-again'");
      return Number(left[0]?.count) === 0 ? true : undefined;
    }, 'the repeated job to be worked');

    const notifications = await suite.query<{ count: string }>('SELECT count(*) FROM notifications WHERE process_instance_id = $1', [id]);
    expect(Number(notifications[0]?.count)).toBe(1);
    const answers = await suite.query<{ count: string }>("SELECT count(*) FROM history WHERE process_instance_id = $1 AND event = 'action-completed'", [id]);
    expect(Number(answers[0]?.count)).toBe(1);
  });

  it('given an error boundary for the code, when the action fails with a business error, then the boundary takes the instance on', async () => {
    const id = await start('notify_caught', { owner: 'nobody-here', lead: { name: 'Jane' } });

    const detail = await movedOn(id);

    expect(detail.activeElementIds).toEqual(['handleError']);
    const history = await suite.query<{ payload: { errorCode: string } }>(
      "SELECT payload FROM history WHERE process_instance_id = $1 AND event = 'action-failed'",
      [id],
    );
    expect(history).toEqual([{ payload: expect.objectContaining({ errorCode: 'UNKNOWN_USER' }) }]);
  });

  it('given no boundary catches the code, when the action fails, then the instance holds an incident at the task', async () => {
    const id = await start('notify_lead', { owner: 'nobody-here', lead: { name: 'Jane' } });

    const detail = await movedOn(id);

    expect(detail.state).toBe('incident');
    expect(detail.incidents).toEqual([expect.objectContaining({ elementId: 'act', message: expect.stringContaining("BPMN error 'UNKNOWN_USER'") })]);
  });

  it('given a service task whose action template is neither in the deployment nor deployed, when deployed, then 422 names the task and nothing is stored', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'missing', resources: [{ name: 'missing.bpmn', content: serviceTaskDiagram('missing_action', 'no_such_action') }] });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ resource: 'missing.bpmn', elementId: 'act', message: expect.stringContaining('"no_such_action"') }]);
  });

  it('given a template that parses but cannot be rendered (it runs past the render limit), when the action runs, then the task holds a job incident naming the field, and nothing ran', async () => {
    const id = await start('runaway_process');

    const incident = await eventually(async () => (await instance(id)).incidents[0], 'the incident');

    expect(incident).toEqual(expect.objectContaining({ elementId: 'act', message: expect.stringContaining('action.variables.count could not be rendered') }));
    expect((await instance(id)).activeElementIds).toEqual(['act']);
    const runs = await suite.query<{ count: string }>('SELECT count(*) FROM action_runs WHERE process_instance_id = $1', [id]);
    expect(Number(runs[0]?.count)).toBe(0);
  });
});
