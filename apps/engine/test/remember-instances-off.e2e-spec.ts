// STAGEFLOW_REMEMBER_INSTANCES=false: every command reads its instance (no memory of this
// node's last writes), e.g. to compare a cluster whose commands cross nodes with one node.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram } from './support/diagrams.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_REMEMBER_INSTANCES: 'false' } });

describe('with STAGEFLOW_REMEMBER_INSTANCES=false', () => {
  beforeAll(async () => {
    await suite.deploy([{ name: 'lead.bpmn', content: leadDiagram('rio_lead') }]);
  });

  it('given a task this node just created, when it is completed, then the command reads its instance first', async () => {
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/rio_lead/start')
      .set(...bearer(suite.adminToken()))
      .send({ variables: { score: 80 } });
    const [task] = await suite.query<{ id: string }>('SELECT id FROM user_tasks WHERE process_instance_id = $1', [started.body.id]);

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${task!.id}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    const node = await suite
      .http()
      .get('/api/v1/health/node')
      .set(...bearer(suite.adminToken()));

    expect(completed.status).toBe(200);
    expect(completed.body.processInstance.state).toBe('completed');
    expect(node.body.commands.readsSkipped).toBe(0);
  });
});
