// A task shows the record it is about: GET /tasks and GET /tasks/{id} answer `record: {type, id,
// title}` when the task's instance's business key names a CRM record the caller sees, else null.
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const DEAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="task-records" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Call the buyer" stageflow:candidateGroups="east" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the record a task is about', () => {
  const as = (token: string) => suite.as(token);

  beforeAll(async () => {
    await suite.deploy([{ name: 'task-records.bpmn', content: DEAL }]);
    expect((await as(suite.adminToken()).put('/record-processes/lead', { processKey: 'task-records' })).status).toBe(200);
    expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'task-records' })).status).toBe(200);
  });

  it('names the lead or opportunity of each task in the list and on the task, and null for a task about no record', async () => {
    const seller = await suite.createUser('ria', ['seller'], ['east']);
    const lead = await as(seller.token).post('/leads', { title: 'Web request from Acme', channel: 'web-form' });
    expect(lead.status).toBe(201);
    const deal = await as(seller.token).post('/opportunities', { name: 'Acme fleet', value: 10, currency: 'EUR' });
    expect(deal.status).toBe(201);
    const plain = await as(suite.adminToken()).post('/process-definitions/key/task-records/start', { businessKey: 'order-42' });
    expect(plain.status).toBe(201);

    const tasks = await eventually(async () => {
      const answer = await as(seller.token).get('/tasks?state=created');
      return answer.body.items?.length === 3 ? (answer.body.items as { id: string; record: unknown; processInstanceId: string }[]) : undefined;
    }, 'the three tasks');
    expect(tasks.map((task) => task.record)).toEqual(
      expect.arrayContaining([
        { type: 'lead', id: lead.body.id, title: 'Web request from Acme' },
        { type: 'opportunity', id: deal.body.id, title: 'Acme fleet' },
        null,
      ]),
    );
    const dealTask = tasks.find((task) => (task.record as { type?: string } | null)?.type === 'opportunity')!;
    const one = await as(seller.token).get(`/tasks/${dealTask.id}`);
    expect(one.status).toBe(200);
    expect(one.body.record).toEqual({ type: 'opportunity', id: deal.body.id, title: 'Acme fleet' });
  });

  it('shows no record the caller may not see', async () => {
    const owner = await suite.createUser('rob', ['seller'], ['east']);
    const teammate = await suite.createUser('rae', ['seller'], ['east']);
    const deal = await as(owner.token).post('/opportunities', { name: 'Rob’s secret deal', value: 1, currency: 'EUR' });
    expect(deal.status).toBe(201);
    const instanceId = await eventually(async () => {
      const rows = await suite.query<{ id: string }>(`SELECT id FROM process_instances WHERE business_key = $1`, [`opportunity:${deal.body.id}`]);
      return rows[0]?.id;
    }, 'the deal’s process');
    const taskOf = async (token: string) =>
      eventually(async () => {
        const answer = await as(token).get('/tasks?state=created');
        return (answer.body.items as { id: string; record: unknown; processInstanceId: string }[]).find((item) => item.processInstanceId === instanceId);
      }, 'the task of the deal offered to the team');

    // The teammate is offered the task (group east) but may not see Rob's deal: the task names no record.
    const offered = await taskOf(teammate.token);
    expect(offered.record).toBeNull();
    expect((await as(teammate.token).get(`/tasks/${offered.id}`)).body.record).toBeNull();
    expect((await taskOf(owner.token)).record).toEqual({ type: 'opportunity', id: deal.body.id, title: 'Rob’s secret deal' });
  });
});
