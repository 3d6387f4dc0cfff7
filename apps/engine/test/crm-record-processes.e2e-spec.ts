// Records and their processes: a new opportunity starts the process configured for its type (a job
// in the record's transaction), the process reads the record fresh at each step as `record.*`, and
// the opportunity's stage is what the process says — set in the transaction of the step that
// entered the stage, with the history naming the process.
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const DEAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="deal" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify the deal" stageflow:stage="Qualification" stageflow:candidateGroups="north" />
    <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="size" />
    <bpmn:exclusiveGateway id="size" default="toSmall" />
    <bpmn:sequenceFlow id="toBig" sourceRef="size" targetRef="bigOffer">
      <bpmn:conditionExpression>= record.value &gt; 10000</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toSmall" sourceRef="size" targetRef="smallOffer" />
    <bpmn:userTask id="bigOffer" name="Offer with the director" stageflow:stage="Offer" stageflow:candidateGroups="north" />
    <bpmn:userTask id="smallOffer" name="Standard offer" stageflow:stage="Offer" stageflow:candidateGroups="north" />
    <bpmn:sequenceFlow id="f3" sourceRef="bigOffer" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="smallOffer" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('records and their processes', () => {
  let seller = { id: '', token: '' };
  let other = { id: '', token: '' };
  const as = (token: string) => suite.as(token);

  beforeAll(async () => {
    seller = await suite.createUser('olga', ['seller'], ['north']);
    other = await suite.createUser('otto', ['seller'], ['south']);
    await suite.deploy([{ name: 'deal.bpmn', content: DEAL }]);
  });

  it('lets only an admin choose the process of a record type, and only a deployed one', async () => {
    expect((await as(seller.token).put('/record-processes/opportunity', { processKey: 'deal' })).status).toBe(403);
    const unknown = await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'no-such-process' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: 'processKey' })]);
    expect((await as(suite.adminToken()).put('/record-processes/activity', { processKey: 'deal' })).status).toBe(404);
    const set = await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'deal' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ recordType: 'opportunity', processKey: 'deal', updatedBy: 'admin' });
  });

  it('starts the process for a new opportunity, reads the record fresh at each step, and moves the stage with the process', async () => {
    const created = await as(seller.token).post('/opportunities', { name: 'Fleet', value: 500, currency: 'EUR' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const process = await eventually(async () => {
      const answer = await as(seller.token).get(`/opportunities/${id}/process`);
      return answer.body.instances?.length === 1 && answer.body.openTasks?.length === 1 ? answer.body : undefined;
    }, 'the opportunity process to start');
    expect(process.businessKey).toBe(`opportunity:${id}`);
    // Where it waits by the diagram's name (the page shows words); the process itself has none here.
    expect(process.instances[0]).toMatchObject({
      definitionKey: 'deal',
      definitionName: null,
      state: 'active',
      activeElementIds: ['qualify'],
      activeElements: [{ id: 'qualify', name: 'Qualify the deal' }],
    });
    expect(process.openTasks[0]).toMatchObject({ elementId: 'qualify', name: 'Qualify the deal' });
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Qualification');

    // The value changes after the start: the gateway sees the record as it is when the task completes.
    expect((await as(seller.token).patch(`/opportunities/${id}`, { value: 25000 })).status).toBe(200);
    const completed = await as(seller.token).post(`/tasks/${process.openTasks[0].id}/complete`, {});
    expect(completed.status).toBe(200);
    expect(completed.body.processInstance.activeElementIds).toEqual(['bigOffer']);

    const record = await as(seller.token).get(`/opportunities/${id}`);
    expect(record.body.stage).toBe('Offer');
    const history = await as(seller.token).get(`/opportunities/${id}/history`);
    expect(history.body.items.filter((item: { field: string }) => item.field === 'stage')).toEqual([
      expect.objectContaining({ old: 'Qualification', new: 'Offer', source: 'process', sourceName: 'deal' }),
      expect.objectContaining({ old: null, new: 'Qualification', source: 'process', sourceName: 'deal' }),
    ]);
  });

  it('shows a record’s process to those who see the record only', async () => {
    const created = await as(seller.token).post('/opportunities', { name: 'Private', value: 1 });
    expect((await as(other.token).get(`/opportunities/${created.body.id}/process`)).status).toBe(404);
    expect((await as(other.token).get('/opportunities/not-an-id/process')).status).toBe(404);
  });

  it('starts nothing once the setting is cleared', async () => {
    expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: null })).body.processKey).toBeNull();
    const created = await as(seller.token).post('/opportunities', { name: 'Quiet', value: 1 });
    const jobs = await suite.query<{ count: string }>(`SELECT count(*) FROM graphile_worker.jobs WHERE key = $1`, [
      `record-process:opportunity:${created.body.id}`,
    ]);
    expect(Number(jobs[0]!.count)).toBe(0);
    expect((await as(seller.token).get(`/opportunities/${created.body.id}/process`)).body.instances).toEqual([]);
  });
});
