// GET /process-definitions/statistics: per process version, the running instances the caller sees and
// how many of them have an open incident — the studio's process list shows both beside each version.
import { contractIssues } from '@stageflow/api-contract';
import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

/** start -> review (user task) -> gw -> done when `ok`, else no flow matches: an incident at gw. `label` makes versions differ. */
function diagram(key: string, label: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="${label}" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" />
    <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="done">
      <bpmn:conditionExpression>= ok = true</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;
}

const admin = () => suite.as(suite.adminToken());

async function start(key: string): Promise<string> {
  const response = await admin().post(`/process-definitions/key/${key}/start`, {});
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
}

async function reviewTask(instanceId: string): Promise<string> {
  const tasks = await admin().get(`/tasks?processInstanceId=${instanceId}&state=created`);
  const task = (tasks.body.items as { id: string }[])[0];
  if (!task) throw new Error(`no open task on ${instanceId}`);
  return task.id;
}

async function completeReview(instanceId: string, variables: Record<string, unknown>): Promise<void> {
  await admin()
    .post(`/tasks/${await reviewTask(instanceId)}/complete`, { variables })
    .expect(200);
}

describe('process definition statistics', () => {
  it('given instances on two versions, ended and stuck ones among them, when read, then each version counts its running instances and those with an incident', async () => {
    const v1 = (await suite.deploy([{ name: 'stats.bpmn', content: diagram('stats', 'Review') }])).processDefinitions[0]!;
    const onV1 = [await start('stats'), await start('stats'), await start('stats')];
    const v2 = (await suite.deploy([{ name: 'stats.bpmn', content: diagram('stats', 'Check') }])).processDefinitions[0]!;
    expect(v2.version).toBe(2);
    await start('stats');
    await completeReview(onV1[0]!, { ok: true }); // ended: no longer running
    await completeReview(onV1[1]!, { ok: false }); // no flow matches: an incident at gw

    const response = await admin().get('/process-definitions/statistics');

    expect(response.status).toBe(200);
    expect(contractIssues('ProcessDefinitionStatisticsList', response.body)).toEqual([]);
    const ofStats = (response.body.items as { key: string }[]).filter((item) => item.key === 'stats');
    expect(ofStats).toEqual([
      { id: v2.id, key: 'stats', version: 2, runningInstances: 1, instancesWithIncident: 0 },
      { id: v1.id, key: 'stats', version: 1, runningInstances: 2, instancesWithIncident: 1 },
    ]);
  });

  it('given a seller, when read, then only the instances they see are counted', async () => {
    await suite.deploy([{ name: 'seen.bpmn', content: diagram('seen', 'Review') }]);
    const seller = await suite.createUser('stats-seller', ['seller']);
    const theirs = await start('seen');
    await start('seen'); // nothing of the seller's in it
    await admin()
      .post(`/tasks/${await reviewTask(theirs)}/assign`, { assignee: 'stats-seller' })
      .expect(200); // a task they hold: they see it

    const forSeller = await suite.as(seller.token).get('/process-definitions/statistics');
    const forAdmin = await admin().get('/process-definitions/statistics');

    expect(forSeller.status).toBe(200);
    const seen = (body: { items: { key: string; runningInstances: number }[] }) => body.items.find((item) => item.key === 'seen')?.runningInstances;
    expect([seen(forSeller.body), seen(forAdmin.body)]).toEqual([1, 2]);
  });

  it('given no token, when read, then 401', async () => {
    const response = await suite.http().get('/api/v1/process-definitions/statistics');
    expect(response.status).toBe(401);
  });
});
