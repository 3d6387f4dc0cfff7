// The seller's work list (GET /tasks?sort=due, dueBefore, recordType) and the web app's form check
// as the seller types (POST /forms/{key}/validate).
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** One user task whose due time and priority come from the start variables `due` and `prio`. */
const workDiagram = `${HEADER}
  <bpmn:process id="work-list" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work" stageflow:candidateGroups="work-list-team" stageflow:dueDate="= if due = null then null else date and time(due)" stageflow:priority="= prio" stageflow:formKey="work-form" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const workForm = {
  title: 'Do the work',
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['done', 'skipped'], title: 'Outcome' },
    hours: { type: 'number', minimum: 0, title: 'Hours' },
  },
  required: ['outcome'],
  additionalProperties: false,
};

async function start(businessKey: string, due: string | null, prio: number): Promise<string> {
  const started = await suite.as(suite.adminToken()).post('/process-definitions/key/work-list/start', { businessKey, variables: { due, prio } });
  expect(started.status).toBe(201);
  return started.body.id as string;
}

describe('the work list and the form check', () => {
  beforeAll(async () => {
    const deployed = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'work-list',
        resources: [
          { name: 'work-list.bpmn', content: workDiagram },
          { name: 'work-form.form.json', content: JSON.stringify(workForm) },
        ],
      });
    expect(deployed.status).toBe(201);
  });

  it('given tasks with and without due times and priorities, when listed with sort=due, then soonest due first, ties by priority, none last; dueBefore and recordType narrow', async () => {
    const late = await start('lead:late', '2030-01-02T10:00:00Z', 10);
    const soonLow = await start('opportunity:soon-low', '2030-01-01T10:00:00Z', 10);
    const soonHigh = await start('lead:soon-high', '2030-01-01T10:00:00Z', 90);
    const never = await start('ORDER-7', null, 99);
    const seller = await suite.createUser('work-list-seller', ['seller'], ['work-list-team']);

    const listed = await suite.as(seller.token).get('/tasks?state=created&sort=due');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((task: { processInstanceId: string }) => task.processInstanceId)).toEqual([soonHigh, soonLow, late, never]);

    const dueSoon = await suite.as(seller.token).get('/tasks?state=created&sort=due&dueBefore=2030-01-02T00:00:00Z');
    expect(dueSoon.body.items.map((task: { processInstanceId: string }) => task.processInstanceId)).toEqual([soonHigh, soonLow]);
    expect(dueSoon.body.total).toBe(2);

    const aboutLeads = await suite.as(seller.token).get('/tasks?state=created&sort=due&recordType=lead');
    expect(aboutLeads.body.items.map((task: { processInstanceId: string }) => task.processInstanceId)).toEqual([soonHigh, late]);

    const ofProcess = await suite.as(seller.token).get('/tasks?state=created&sort=due&processKey=work-list&dueBefore=2030-01-01T12:00:00Z');
    expect(ofProcess.body.items.map((task: { processInstanceId: string }) => task.processInstanceId)).toEqual([soonHigh, soonLow]);
    expect((await suite.as(seller.token).get('/tasks?state=created&processKey=no-such-process')).body).toMatchObject({ items: [], total: 0 });
  });

  it('given bad work-list parameters, when listed, then 400 naming each', async () => {
    const cases: [string, string][] = [
      ['sort=priority', 'sort'],
      ['dueBefore=tomorrow', 'dueBefore'],
      ['dueBefore=2030-01-01', 'dueBefore'],
      ['recordType=leads', 'recordType'],
    ];
    for (const [query, field] of cases) {
      const answer = await suite.as(suite.adminToken()).get(`/tasks?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([expect.objectContaining({ path: field })]);
    }
  });

  it('given a form, when variables are checked, then the issues a completion would be refused with, by field, and none for good ones; nothing changes', async () => {
    const seller = await suite.createUser('form-check-seller', ['seller'], []);
    const bad = await suite.as(seller.token).post('/forms/work-form/validate', { variables: { hours: -1 } });
    expect(bad.status).toBe(200);
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'variables.hours', message: expect.stringContaining('>= 0') },
        { path: 'variables.outcome', message: expect.stringContaining('required') },
      ]),
    );
    expect(bad.body.issues).toHaveLength(2);

    const good = await suite.as(seller.token).post('/forms/work-form/validate', { variables: { outcome: 'done', hours: 2 } });
    expect(good.body).toEqual({ issues: [] });

    const task = (await suite.as(suite.adminToken()).get(`/tasks?processInstanceId=${await start('ORDER-8', null, 1)}`)).body.items[0];
    const refused = await suite.as(suite.adminToken()).post(`/tasks/${task.id}/complete`, { variables: { hours: -1 } });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((issue: { path: string }) => issue.path).sort()).toEqual(
      bad.body.issues.map((issue: { path: string }) => issue.path).sort(),
    );

    expect((await suite.as(seller.token).post('/forms/no-such-form/validate', { variables: {} })).status).toBe(404);
    const notObject = await suite.as(seller.token).post('/forms/work-form/validate', { variables: [1] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.details).toEqual([expect.objectContaining({ path: 'variables' })]);
  });
});
