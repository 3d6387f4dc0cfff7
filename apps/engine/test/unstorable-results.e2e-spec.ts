// A process that produces a value the database cannot store (issue 10 item 2): the command ends as
// a `storage` incident on its element, the API answers 409 naming the incident — never a 500 that
// repeats on every try — and the instance's state is left as it was.
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_MAX_VARIABLES_BYTES: '2000' } });

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** start -> "work" (its output mapping writes `output`) -> "next" -> end. */
function outputDiagram(key: string, output: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work">
      <bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="${output}" target="result" /></stageflow:ioMapping></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="next" />
    <bpmn:userTask id="next" name="Next" />
    <bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> a user task whose priority is `priority` -> end. */
function priorityDiagram(key: string, priority: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work" stageflow:priority="${priority}" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

describe('a result the database cannot store', () => {
  const admin = () => bearer(suite.adminToken());

  async function startAndTask(key: string, variables: object = {}): Promise<{ instanceId: string; taskId: string }> {
    const started = await suite
      .http()
      .post(`/api/v1/process-definitions/key/${key}/start`)
      .set(...admin())
      .send({ variables });
    expect(started.status).toBe(201);
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id}&state=created`)
      .set(...admin());
    return { instanceId: started.body.id, taskId: tasks.body.items[0].id };
  }

  it('ends a completion whose FEEL output is a lone surrogate as a storage incident on the task, answered 409 with its id', async () => {
    await suite.deploy([{ name: 'surrogate.bpmn', content: outputDiagram('surrogate-output', '= &quot;\\ud800&quot;') }]);
    const { instanceId, taskId } = await startAndTask('surrogate-output');

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...admin())
      .send({});
    expect(completed.status).toBe(409);
    expect(completed.body.message).toContain('lone UTF-16 surrogate');
    const [detail] = completed.body.details;
    expect(detail).toEqual({ incidentId: expect.any(String), processInstanceId: instanceId, elementId: 'work' });

    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}`)
      .set(...admin());
    expect(instance.body.state).toBe('incident');
    expect(instance.body.activeElementIds).toEqual(['work']);
    expect(instance.body.incidents).toEqual([expect.objectContaining({ id: detail.incidentId, elementId: 'work', kind: 'storage' })]);
    // The instance is not stuck in a loop of 500s: a second try is refused as the incident says.
    const again = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...admin())
      .send({});
    expect(again.status).toBe(409);
    // Cancelling frees it, as for any incident that cannot be retried.
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/incidents/${detail.incidentId}/retry`)
          .set(...admin())
      ).status,
    ).toBe(409);
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/process-instances/${instanceId}/cancel`)
          .set(...admin())
      ).status,
    ).toBe(200);
  });

  it('refuses to let variables grow past STAGEFLOW_MAX_VARIABLES_BYTES: a storage incident naming the limit', async () => {
    await suite.deploy([{ name: 'plain-output.bpmn', content: outputDiagram('size-limit', '= note') }]);
    const { instanceId, taskId } = await startAndTask('size-limit');
    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...admin())
      .send({ variables: { note: 'x'.repeat(3000) } });
    expect(completed.status).toBe(409);
    expect(completed.body.message).toContain('STAGEFLOW_MAX_VARIABLES_BYTES');
    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}/history`)
      .set(...admin());
    expect(history.body.items.map((item: { event: string }) => item.event)).toContain('incident');
  });

  it('turns a number the database refuses (a task priority beyond an integer) into a storage incident at the start', async () => {
    await suite.deploy([{ name: 'priority.bpmn', content: priorityDiagram('huge-priority', '= 99999999999') }]);
    const before = Number((await suite.query<{ count: string }>('SELECT count(*) FROM user_tasks'))[0]!.count);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/huge-priority/start')
      .set(...admin())
      .send({});
    expect(started.status).toBe(409);
    expect(started.body.message).toContain('the database refused the result');
    const [detail] = started.body.details;
    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${detail.processInstanceId}`)
      .set(...admin());
    expect(instance.body.state).toBe('incident');
    expect(instance.body.incidents).toEqual([expect.objectContaining({ id: detail.incidentId, kind: 'storage' })]);
    expect(Number((await suite.query<{ count: string }>('SELECT count(*) FROM user_tasks'))[0]!.count)).toBe(before);
  });
});
