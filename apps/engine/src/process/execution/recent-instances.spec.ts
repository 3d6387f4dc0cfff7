import type { LoadedInstance, TaskRow } from './instance-store.repository.js';
import { RecentInstances } from './recent-instances.js';

function instance(id: string, version: number, status: LoadedInstance['status'] = 'active'): LoadedInstance {
  return {
    id,
    definitionId: 'd-1',
    definitionKey: 'lead',
    definitionVersion: 1,
    businessKey: null,
    status,
    state: { status: status === 'incident' ? 'active' : status, variables: {} } as unknown as LoadedInstance['state'],
    activeElementIds: ['qualify'],
    version,
    createdAt: new Date('2026-11-30T00:00:00Z'),
    dbNow: '2026-11-30T00:00:00.000Z',
    parent: null,
    ruleSetGeneration: 0,
    parameters: null,
    fromMemory: true,
  };
}

function task(id: string, processInstanceId: string): TaskRow {
  return {
    id,
    process_instance_id: processInstanceId,
    element_id: 'qualify',
    name: 'Qualify',
    assignee: null,
    candidate_groups: ['sales'],
    due_at: null,
    priority: null,
    form_key: null,
    state: 'created',
    variables: {},
    created_at: new Date('2026-11-30T00:00:00Z'),
    completed_at: null,
    completed_by: null,
    assignment: null,
    source: 'bpmn',
    description: null,
  };
}

describe('RecentInstances', () => {
  it('given an instance written with a new task, when that task is looked up, then the task and the instance as written come back', () => {
    const recent = new RecentInstances();
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1')], []);

    expect(recent.task('t-1')).toEqual({ task: task('t-1', 'i-1'), instance: instance('i-1', 1) });
  });

  it('given a later write that settled the task, when it is looked up, then it is not remembered (the instance still is, at its new version)', () => {
    const recent = new RecentInstances();
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1'), task('t-2', 'i-1')], []);
    recent.remember(instance('i-1', 2), [], ['t-1']);

    expect(recent.task('t-1')).toBeUndefined();
    expect(recent.task('t-2')?.instance.version).toBe(2);
  });

  it('given an instance that ended, when remembered, then it and its tasks are forgotten', () => {
    const recent = new RecentInstances();
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1')], []);
    recent.remember(instance('i-1', 2, 'completed'), [], []);

    expect(recent.task('t-1')).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('given a memory forgotten (its write found it stale), when its task is looked up, then the database must be asked', () => {
    const recent = new RecentInstances();
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1')], []);
    recent.forget('i-1');

    expect(recent.task('t-1')).toBeUndefined();
  });

  it('given more instances than it holds, when one more is remembered, then the one written longest ago is forgotten first', () => {
    const recent = new RecentInstances(2);
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1')], []);
    recent.remember(instance('i-2', 1), [task('t-2', 'i-2')], []);
    recent.remember(instance('i-1', 2), [], []);
    recent.remember(instance('i-3', 1), [task('t-3', 'i-3')], []);

    expect(recent.size).toBe(2);
    expect(recent.task('t-2')).toBeUndefined();
    expect(recent.task('t-1')?.instance.version).toBe(2);
    expect(recent.task('t-3')).toBeDefined();
  });

  it('given no capacity (STAGEFLOW_REMEMBER_INSTANCES=false), when an instance is written, then nothing is remembered', () => {
    const recent = new RecentInstances(0);
    recent.remember(instance('i-1', 1), [task('t-1', 'i-1')], []);

    expect(recent.task('t-1')).toBeUndefined();
    expect(recent.size).toBe(0);
  });
});
