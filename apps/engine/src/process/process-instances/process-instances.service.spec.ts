import { bpmnProcess, compileBpmn, sequenceFlowXml, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { fakeAs } from '../../platform/database/fake-as.js';
import { Forbidden, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { InstanceCommandsService } from '../execution/instance-commands.service.js';
import { FakeIncidentsRepository } from '../incidents/incidents.repository.fake.js';
import type { IncidentsRepository } from '../incidents/incidents.repository.js';
import type { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import { InstanceVisibility } from '../visibility/instance-visibility.js';
import { FakeHistoryRepository } from './history.repository.fake.js';
import type { HistoryRepository } from './history.repository.js';
import { FakeProcessInstancesRepository } from './process-instances.repository.fake.js';
import type { ProcessInstancesRepository } from './process-instances.repository.js';
import { ProcessInstancesService } from './process-instances.service.js';

const as = (username: string, roles: Principal['roles'], groups: string[] = []): Principal => ({ userId: `id-${username}`, username, roles, groups });
const anna = as('anna', ['seller'], ['north']);
const bert = as('bert', ['seller'], ['south']);
const mia = as('mia', ['manager'], ['north']);
const admin = as('root', ['admin']);
const LEAD = 'lead:30000000-0000-4000-8000-000000000001';
const A = '20000000-0000-4000-8000-00000000000a';
const B = '20000000-0000-4000-8000-00000000000b';

/** A collaborating service, of which the spec needs only the methods given. */
const partial = <T>(methods: Partial<T>): T => methods as T;

async function graphOf(attributes: string): Promise<ProcessGraph> {
  const result = await compileBpmn(
    bpmnProcess(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${sequenceFlowXml('f', 's', 'e')}`, 'lead', `isExecutable="true" ${attributes}`),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.processes[0]!;
}

async function newTestService(starterAttributes = '') {
  const instances = new FakeProcessInstancesRepository();
  // Stands in for the SQL: anna sees A (her task), bert sees B.
  instances.sees = (principal, row) => (principal.username === 'anna' ? row.id === A : principal.username === 'bert' ? row.id === B : true);
  const graph = await graphOf(starterAttributes);
  const definitions = partial<ProcessDefinitionsService>({
    latestByKey: async (key: string) => {
      if (key !== 'lead') throw new NotFound(`process definition ${key} not found`);
      return { id: 'def-1', key, version: 1 };
    },
    graph: async () => graph,
  });
  const started: { key: string; input: unknown; actor: unknown }[] = [];
  const commands = partial<InstanceCommandsService>({
    start: (async (key: string, input: unknown, actor: unknown) => {
      started.push({ key, input, actor });
      return { id: 'new' };
    }) as unknown as InstanceCommandsService['start'],
  });
  const visibility = new InstanceVisibility();
  visibility.provide({ visibleRecordKeys: () => 'SELECT 1', namesRecord: (key) => key.startsWith('lead:') });
  const history = new FakeHistoryRepository();
  const service = new ProcessInstancesService(
    fakeAs<ProcessInstancesRepository>(instances),
    fakeAs<HistoryRepository>(history),
    fakeAs<IncidentsRepository>(new FakeIncidentsRepository()),
    definitions,
    commands,
    visibility,
  );
  instances.seed({ id: A, business_key: 'KEY-A' });
  instances.seed({ id: B, business_key: 'KEY-B' });
  await history.append([{ processInstanceId: A, elementId: 's', elementType: 'bpmn:StartEvent', event: 'entered', payload: {} }]);
  return { service, instances, started };
}

describe('ProcessInstancesService', () => {
  describe('who sees an instance', () => {
    it('given a seller, when listing, then only their instances come, and a filter naming another instance finds nothing', async () => {
      const { service } = await newTestService();

      expect((await service.list({}, { offset: 0, limit: 10 }, anna)).items.map((item) => item.id)).toEqual([A]);
      expect(await service.list({ businessKey: 'KEY-B' }, { offset: 0, limit: 10 }, anna)).toEqual(expect.objectContaining({ items: [], total: 0 }));
    });

    it('given another seller’s instance, when read or its history asked, then 404 as for an unknown one', async () => {
      const { service } = await newTestService();

      await expect(service.get(B, anna)).rejects.toThrow(NotFound);
      await expect(service.historyOf(B, anna)).rejects.toThrow(NotFound);
      await expect(service.mustSee(B, anna)).rejects.toThrow(NotFound);
      expect((await service.get(A, anna)).id).toBe(A);
      expect((await service.historyOf(A, anna)).items).toHaveLength(1);
    });

    it('given the engine’s own read (no viewer), when listing by business key, then every instance counts', async () => {
      const { service } = await newTestService();

      expect((await service.list({}, { offset: 0, limit: 10 })).total).toBe(2);
      expect((await service.get(B)).id).toBe(B);
    });
  });

  describe('who may start', () => {
    it('given a process without declared starters, when a seller starts it, then 403 naming the process and nothing starts; a manager starts it', async () => {
      const { service, started } = await newTestService();

      await expect(service.start(anna, 'lead', {})).rejects.toThrow(
        new Forbidden('you may not start the process "lead": it is not among the processes you may start'),
      );
      expect(started).toEqual([]);
      await service.start(mia, 'lead', { businessKey: 'X-1' });
      expect(started).toEqual([{ key: 'lead', input: { businessKey: 'X-1' }, actor: { userId: 'id-mia', username: 'mia' } }]);
    });

    it('given starters naming a team, when its seller starts, then it starts; a seller of another team gets 403', async () => {
      const { service, started } = await newTestService('stageflow:candidateStarterGroups="north"');

      await service.start(anna, 'lead', { variables: { a: 1 } });
      await expect(service.start(bert, 'lead', {})).rejects.toThrow(Forbidden);
      expect(started).toHaveLength(1);
    });

    it('given a business key naming a record the seller does not see, when they start on it, then 403; on their own record it starts', async () => {
      const { service, instances, started } = await newTestService('stageflow:candidateStarterGroups="sellers"');
      instances.records.set('bert', [LEAD]);

      await expect(service.start(anna, 'lead', { businessKey: LEAD })).rejects.toThrow(`on ${LEAD}: it is not a record you see`);
      await service.start(bert, 'lead', { businessKey: LEAD });
      await service.start(anna, 'lead', { businessKey: 'ORDER-7' });
      expect(started.map((start) => (start.actor as { username: string }).username)).toEqual(['bert', 'anna']);
    });

    it('given an admin, when starting a process that declares other starters on any record, then it starts', async () => {
      const { service, started } = await newTestService('stageflow:candidateStarterUsers="alice"');

      await service.start(admin, 'lead', { businessKey: LEAD });
      expect(started).toHaveLength(1);
    });

    it('given an unknown process, when a seller starts it, then 404 before any rule', async () => {
      const { service } = await newTestService();

      await expect(service.start(anna, 'nope', {})).rejects.toThrow(NotFound);
    });
  });
});
