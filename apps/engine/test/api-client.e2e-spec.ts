// The typed client of @stageflow/api-contract against the real engine: every answer it gets
// is also checked against the contract's response schema, so a schema that says something the
// engine does not do fails here.
import { ApiClientError, contractIssues, createStageflowClient, type ApiContractSchemaName, type StageflowClient } from '@stageflow/api-contract';
import { oneTaskDiagram } from './support/diagrams.js';
import { ADMIN_PASSWORD, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

function expectContract<T>(name: ApiContractSchemaName, value: T): T {
  expect(contractIssues(name, value)).toEqual([]);
  return value;
}

describe('the typed API client', () => {
  let client: StageflowClient;

  beforeAll(async () => {
    const anonymous = createStageflowClient({ baseUrl: suite.engine().url });
    const login = expectContract('LoginResponse', await anonymous.auth.login({ username: 'admin', password: ADMIN_PASSWORD }));
    expect(login.tokenType).toBe('Bearer');
    client = createStageflowClient({ baseUrl: suite.engine().url, token: login.accessToken });
  });

  it('given a one-task diagram, when deployed, started, its task listed and completed and the instance read, then each answer is typed and matches the contract', async () => {
    const deployment = expectContract(
      'Deployment',
      await client.deployments.upload([{ name: 'client-flow.bpmn', content: oneTaskDiagram('client-flow') }], { name: 'client' }),
    );
    expect(deployment.name).toBe('client');
    expect(deployment.processDefinitions).toEqual([expect.objectContaining({ key: 'client-flow', version: 1 })]);

    const definitions = expectContract('ProcessDefinitionPage', await client.processDefinitions.list({ key: 'client-flow' }));
    expect(definitions.items.map(({ id }) => id)).toEqual([deployment.processDefinitions[0]!.id]);

    const started = expectContract('ProcessInstance', await client.processDefinitions.start('client-flow', { businessKey: 'C-1', variables: { amount: 5 } }));
    expect(started).toMatchObject({ state: 'active', businessKey: 'C-1', activeElementIds: ['work'], variables: { amount: 5 } });

    const tasks = expectContract('TaskPage', await client.tasks.list({ processInstanceId: started.id, state: 'created' }));
    expect(tasks.total).toBe(1);
    const task = tasks.items[0]!;
    expect(task).toMatchObject({ elementId: 'work', name: 'Work', processInstanceId: started.id, state: 'created' });

    const claimed = expectContract('Task', await client.tasks.claim(task.id));
    expect(claimed.assignee).toBe('admin');

    const completed = expectContract('CompletedTask', await client.tasks.complete(task.id, { variables: { approved: true } }));
    expect(completed.state).toBe('completed');
    expect(completed.processInstance.state).toBe('completed');

    const instance = expectContract('ProcessInstanceDetail', await client.processInstances.get(started.id));
    expect(instance).toMatchObject({ id: started.id, state: 'completed', variables: { amount: 5, approved: true }, tokens: [], incidents: [] });
    expect(instance.endedAt).not.toBeNull();

    const list = expectContract('ProcessInstancePage', await client.processInstances.list({ businessKey: 'C-1' }));
    expect(list.items.map(({ id }) => id)).toEqual([started.id]);

    const history = expectContract('HistoryEventList', await client.processInstances.history(started.id));
    expect(history.items.map(({ elementId }) => elementId)).toEqual(expect.arrayContaining(['start', 'work', 'end']));
  });

  it('given a JSON deployment, a message nobody waits for and a signal nobody listens to, when sent, then the answers match the contract', async () => {
    const deployment = expectContract(
      'Deployment',
      await client.deployments.create({ name: 'client-json', resources: [{ name: 'client-json.bpmn', content: oneTaskDiagram('client-json') }] }),
    );
    expect(deployment.processDefinitions).toEqual([expect.objectContaining({ key: 'client-json' })]);

    const published = expectContract('MessagePublished', await client.messages.publish({ name: 'nobody-waits', ttl: 'PT1M' }));
    expect(published.result).toBe('buffered');

    const broadcast = expectContract('SignalBroadcast', await client.signals.broadcast({ name: 'nobody-listens' }));
    expect(broadcast).toMatchObject({ name: 'nobody-listens', deliveries: 0, starts: 0 });

    expectContract('IncidentPage', await client.incidents.list({ state: 'open' }));
  });

  it('given a call the engine refuses, when made, then ApiClientError carries the status and the {error, message, details} body', async () => {
    const missing = await client.tasks.get('00000000-0000-4000-8000-000000000000').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiClientError);
    expect(missing).toMatchObject({ status: 404, error: 'not_found' });
    expectContract('Error', (missing as ApiClientError).body);

    const invalid = await client.processDefinitions.start('client-flow', { businessKey: '' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, error: 'bad_request', details: [expect.objectContaining({ path: 'businessKey' })] });

    const unauthorized = await createStageflowClient({ baseUrl: suite.engine().url, token: 'not-a-token' })
      .tasks.list()
      .catch((error: unknown) => error);
    expect(unauthorized).toMatchObject({ status: 401 });
  });
});
