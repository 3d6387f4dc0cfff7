// The task list by stage: GET /tasks?stage= (the stageflow:stage of the task's element, in the
// version its instance runs) and GET /tasks/stages (what the filter offers: each process's stages).
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

/** Two parallel user tasks for the team `stage-team`: `qualify` in the stage `qualifyStage`, `offer` in Offer. */
function stagedDiagram(qualifyStage: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="staged-deal" name="Staged deal" isExecutable="true">
    <bpmn:startEvent id="start" stageflow:stage="${qualifyStage}" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
    <bpmn:parallelGateway id="split" />
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="qualify" />
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="offer" />
    <bpmn:userTask id="qualify" name="Qualify" stageflow:candidateGroups="stage-team" stageflow:stage="${qualifyStage}" />
    <bpmn:userTask id="offer" name="Send the offer" stageflow:candidateGroups="stage-team" stageflow:stage="Offer" />
    <bpmn:sequenceFlow id="f4" sourceRef="qualify" targetRef="end1" />
    <bpmn:sequenceFlow id="f5" sourceRef="offer" targetRef="end2" />
    <bpmn:endEvent id="end1" />
    <bpmn:endEvent id="end2" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function deploy(qualifyStage: string): Promise<void> {
  const deployed = await suite
    .http()
    .post('/api/v1/deployments')
    .set(...bearer(suite.adminToken()))
    .send({ name: 'staged-deal', resources: [{ name: 'staged-deal.bpmn', content: stagedDiagram(qualifyStage) }] });
  expect(deployed.status).toBe(201);
}

async function start(businessKey: string): Promise<string> {
  const started = await suite.as(suite.adminToken()).post('/process-definitions/key/staged-deal/start', { businessKey });
  expect(started.status).toBe(201);
  return started.body.id as string;
}

type Listed = { items: { elementId: string; processInstanceId: string }[]; total: number };

describe('the task list by stage', () => {
  it('given tasks in two stages and a later version that renames one, when listed by stage, then only the tasks whose element is in that stage in their own version; the stage list offers the latest names', async () => {
    await deploy('Qualification');
    const first = await start('DEAL-1');
    await deploy('Discovery');
    const second = await start('DEAL-2');
    const seller = await suite.createUser('stage-seller', ['seller'], ['stage-team']);
    const outsider = await suite.createUser('stage-outsider', ['seller'], []);

    const qualification = (await suite.as(seller.token).get('/tasks?state=created&stage=Qualification')).body as Listed;
    expect(qualification.items.map((task) => [task.processInstanceId, task.elementId])).toEqual([[first, 'qualify']]);
    expect(qualification.total).toBe(1);

    const discovery = (await suite.as(seller.token).get('/tasks?state=created&stage=Discovery')).body as Listed;
    expect(discovery.items.map((task) => [task.processInstanceId, task.elementId])).toEqual([[second, 'qualify']]);

    const offer = (await suite.as(seller.token).get('/tasks?state=created&sort=due&stage=Offer&processKey=staged-deal')).body as Listed;
    expect(offer.items.map((task) => task.elementId)).toEqual(['offer', 'offer']);
    expect(new Set(offer.items.map((task) => task.processInstanceId))).toEqual(new Set([first, second]));

    // The filter narrows what the user sees and never widens it.
    expect((await suite.as(outsider.token).get('/tasks?state=created&stage=Offer')).body).toMatchObject({ items: [], total: 0 });
    expect((await suite.as(seller.token).get('/tasks?stage=No%20such%20stage')).body).toMatchObject({ items: [], total: 0 });

    const stages = await suite.as(seller.token).get('/tasks/stages');
    expect(stages.status).toBe(200);
    expect(stages.body.items).toContainEqual({ processKey: 'staged-deal', processName: 'Staged deal', stages: ['Discovery', 'Offer'] });
    for (const item of stages.body.items as { stages: string[] }[]) expect(item.stages.length).toBeGreaterThan(0);
  });

  it('given a bad stage, when listed, then 400 naming stage', async () => {
    for (const query of ['stage=', 'stage=%20%20', `stage=${'x'.repeat(201)}`, 'stage=Offer&stage=Won']) {
      const answer = await suite.as(suite.adminToken()).get(`/tasks?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([expect.objectContaining({ path: 'stage' })]);
    }
  });

  it('given no session, when the stages are asked for, then 401', async () => {
    expect((await suite.http().get('/api/v1/tasks/stages')).status).toBe(401);
  });
});
