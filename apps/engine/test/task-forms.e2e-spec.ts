import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

const callForm = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Call the lead',
  type: 'object',
  properties: {
    reached: { type: 'boolean', title: 'Reached the buyer' },
    nextContact: { type: 'string', format: 'date', title: 'Next contact' },
    budget: { type: 'number', minimum: 0, title: 'Budget' },
  },
  required: ['reached', 'nextContact'],
};

function deploy(resources: { name: string; content: string }[]) {
  return suite
    .http()
    .post('/api/v1/deployments')
    .set(...bearer(suite.adminToken()))
    .send({ name: 'forms', resources });
}

async function openTask(key: string): Promise<string> {
  const started = await suite.as(suite.adminToken()).post(`/process-definitions/key/${key}/start`, { variables: { score: 90 } });
  expect(started.status).toBe(201);
  const tasks = await suite.as(suite.adminToken()).get(`/tasks?processInstanceId=${started.body.id}`);
  return tasks.body.items[0].id as string;
}

describe('task forms', () => {
  it('given a diagram and the form its user task names, when deployed, then the form is versioned by key and served latest', async () => {
    const first = await deploy([
      { name: 'lead.bpmn', content: leadDiagram('formed', { formKey: 'call-form' }) },
      { name: 'forms/call-form.form.json', content: JSON.stringify(callForm) },
    ]);
    expect(first.status).toBe(201);
    expect(first.body.forms).toEqual([{ id: expect.any(String), key: 'call-form', version: 1, name: 'Call the lead' }]);

    const same = await deploy([{ name: 'forms/call-form.form.json', content: JSON.stringify(callForm) }]);
    expect(same.status).toBe(200);
    expect(same.body.forms).toEqual([expect.objectContaining({ key: 'call-form', version: 1 })]);

    const changed = { ...callForm, properties: { ...callForm.properties, notes: { type: 'string', maxLength: 500 } } };
    const second = await deploy([{ name: 'call-form.form.json', content: JSON.stringify(changed) }]);
    expect(second.status).toBe(201);
    expect(second.body.forms).toEqual([expect.objectContaining({ key: 'call-form', version: 2 })]);

    const served = await suite.as(suite.adminToken()).get('/forms/call-form');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(
      expect.objectContaining({ key: 'call-form', version: 2, name: 'Call the lead', resourceName: 'call-form.form.json', schema: changed }),
    );
    expect((await suite.as(suite.adminToken()).get('/forms/no-such-form')).status).toBe(404);
  });

  it('given forms in several versions, when listed, then each key once with its latest version and no schema, by key', async () => {
    const noteForm = { ...callForm, title: 'Take a note' };
    expect((await deploy([{ name: 'list-b.form.json', content: JSON.stringify(callForm) }])).status).toBe(201);
    expect((await deploy([{ name: 'list-b.form.json', content: JSON.stringify({ ...callForm, title: 'Call again' }) }])).status).toBe(201);
    expect((await deploy([{ name: 'list-a.form.json', content: JSON.stringify(noteForm) }])).status).toBe(201);

    const listed = await suite.as(suite.adminToken()).get('/forms');

    expect(listed.status).toBe(200);
    const ours = (listed.body.items as { key: string }[]).filter((form) => form.key.startsWith('list-'));
    expect(ours).toEqual([
      {
        id: expect.any(String),
        key: 'list-a',
        version: 1,
        name: 'Take a note',
        resourceName: 'list-a.form.json',
        deploymentId: expect.any(String),
        createdAt: expect.any(String),
      },
      {
        id: expect.any(String),
        key: 'list-b',
        version: 2,
        name: 'Call again',
        resourceName: 'list-b.form.json',
        deploymentId: expect.any(String),
        createdAt: expect.any(String),
      },
    ]);
    const keys = (listed.body.items as { key: string }[]).map((form) => form.key);
    expect(keys).toEqual([...new Set(keys)]);
  });

  it('given a user task naming a form, when the task is read, then it carries the form for the web app', async () => {
    await deploy([
      { name: 'lead.bpmn', content: leadDiagram('shown', { formKey: 'show-form' }) },
      { name: 'show-form.form.json', content: JSON.stringify(callForm) },
    ]);
    const taskId = await openTask('shown');

    const task = await suite.as(suite.adminToken()).get(`/tasks/${taskId}`);
    expect(task.status).toBe(200);
    expect(task.body).toEqual(expect.objectContaining({ formKey: 'show-form', form: { key: 'show-form', version: 1, schema: callForm } }));
  });

  it('given a task with a form, when completed with variables the form refuses, then 400 names each field and nothing changes; valid ones complete it', async () => {
    await deploy([
      { name: 'lead.bpmn', content: leadDiagram('checked', { formKey: 'check-form' }) },
      { name: 'check-form.form.json', content: JSON.stringify(callForm) },
    ]);
    const taskId = await openTask('checked');

    const refused = await suite.as(suite.adminToken()).post(`/tasks/${taskId}/complete`, { variables: { reached: 'yes', budget: -5 } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        { path: 'variables.nextContact', message: 'is required' },
        { path: 'variables.reached', message: 'must be a boolean' },
        { path: 'variables.budget', message: 'must be >= 0' },
      ]),
    );
    const still = await suite.as(suite.adminToken()).get(`/tasks/${taskId}`);
    expect(still.body).toEqual(expect.objectContaining({ state: 'created', variables: expect.not.objectContaining({ budget: -5 }) }));

    const done = await suite
      .as(suite.adminToken())
      .post(`/tasks/${taskId}/complete`, { variables: { reached: true, nextContact: '2026-12-24', budget: 1000 } });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('completed');
  });

  it('given a user task naming a form that is neither deployed nor in the deployment, when deployed, then 422 names the task and nothing is stored', async () => {
    const response = await deploy([{ name: 'lead.bpmn', content: leadDiagram('formless', { formKey: 'missing-form' }) }]);

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { resource: 'lead.bpmn', elementId: 'call', message: 'stageflow:formKey "missing-form" is neither a form of this deployment nor deployed' },
    ]);
    expect(await suite.query("SELECT 1 FROM process_definitions WHERE key = 'formless'")).toEqual([]);
  });

  it('given invalid forms, when deployed, then 422 names each file and path and nothing is stored', async () => {
    const response = await deploy([
      { name: 'bad.form.json', content: JSON.stringify({ type: 'object', properties: { a: { type: 'string', minLenght: 2 } } }) },
      { name: 'worse.form.json', content: JSON.stringify({ type: 'array', properties: { 'first name': { type: 'string' } }, required: ['x'] }) },
      { name: 'bad name.form.json', content: JSON.stringify(callForm) },
      { name: 'again/worse.form.json', content: '{' },
    ]);

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { resource: 'bad.form.json', path: '', message: 'the form is not a valid JSON Schema (strict mode: unknown keyword: "minLenght")' },
      { resource: 'worse.form.json', path: 'type', message: 'type must be "object": a form is the object of the variables its task completes with' },
      {
        resource: 'worse.form.json',
        path: 'properties["first name"]',
        message: 'properties["first name"] name must start with a letter and hold only letters, digits and _ (at most 63 characters)',
      },
      { resource: 'worse.form.json', path: 'required[0]', message: 'required[0] must name a field of properties ("x" is none)' },
      {
        resource: 'bad name.form.json',
        message: 'the file name (without folders and .form.json) must be a form key: letters, digits, _ . - (at most 100 characters)',
      },
      { resource: 'again/worse.form.json', path: '', message: expect.stringMatching(/^the form is not valid JSON/) },
    ]);
    expect(await suite.query("SELECT 1 FROM task_forms WHERE key IN ('bad', 'worse')")).toEqual([]);
  });

  it('given two forms with one key in a deployment, when deployed, then the second is refused naming the first', async () => {
    const response = await deploy([
      { name: 'a/dup.form.json', content: JSON.stringify(callForm) },
      { name: 'b/dup.form.json', content: JSON.stringify(callForm) },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ resource: 'b/dup.form.json', message: 'form "dup" is also defined in a/dup.form.json' }]);
  });
});
