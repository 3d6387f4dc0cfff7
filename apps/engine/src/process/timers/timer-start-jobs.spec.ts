import { compileBpmn, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { firstStartTimerJobs, nextStartTimerJob, startTimerInstanceId, startTimerKeyPrefix } from './timer-start-jobs.js';

async function graphWithStartTimer(cycle: string): Promise<ProcessGraph> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="review" isExecutable="true">
    <bpmn:startEvent id="nightly"><bpmn:timerEventDefinition><bpmn:timeCycle>${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="nightly" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const graph = result.processes[0];
  if (!graph) throw new Error('no process');
  return graph;
}

describe('timer start jobs', () => {
  it('given a deployed cycle, when its first firing is planned, then one job is due one interval after the deployment, keyed by definition, event and due instant', async () => {
    const jobs = firstStartTimerJobs('def-1', await graphWithStartTimer('R/PT10S'), '2026-01-01T00:00:00.000Z');

    expect(jobs).toEqual([
      {
        task: 'stageflow.start-timer',
        payload: { definitionId: 'def-1', elementId: 'nightly', dueAt: '2026-01-01T00:00:10.000Z', firedCount: 0 },
        runAt: '2026-01-01T00:00:10.000Z',
        key: 'start-timer:def-1:nightly:2026-01-01T00:00:10.000Z',
      },
    ]);
    expect(jobs[0]?.key?.startsWith(startTimerKeyPrefix('def-1'))).toBe(true);
  });

  it('given a firing that ran a little late, when the next is planned, then it keeps the rhythm of the due instants', () => {
    const next = nextStartTimerJob(
      { definitionId: 'def-1', elementId: 'nightly', dueAt: '2026-01-01T00:00:10.000Z', firedCount: 0 },
      { kind: 'cycle', expression: 'R/PT10S' },
      '2026-01-01T00:00:10.400Z',
    );

    expect(next?.runAt).toBe('2026-01-01T00:00:20.000Z');
    expect(next?.payload).toEqual(expect.objectContaining({ firedCount: 1 }));
  });

  it('given a firing after a long outage, when the next is planned, then the missed firings are not replayed', () => {
    const next = nextStartTimerJob(
      { definitionId: 'def-1', elementId: 'nightly', dueAt: '2026-01-01T00:00:10.000Z', firedCount: 0 },
      { kind: 'cycle', expression: 'R/PT10S' },
      '2026-01-01T05:00:00.000Z',
    );

    expect(next?.runAt).toBe('2026-01-01T05:00:10.000Z');
  });

  it('given a cycle with its repetitions used up, when the next is planned, then there is none', () => {
    expect(
      nextStartTimerJob(
        { definitionId: 'd', elementId: 'e', dueAt: '2026-01-01T00:00:20.000Z', firedCount: 1 },
        { kind: 'cycle', expression: 'R2/PT10S' },
        '2026-01-01T00:00:20.000Z',
      ),
    ).toBeUndefined();
  });

  it('given one firing, when its instance id is derived twice, then both are the same UUID and another due instant gives another id', () => {
    const firing = { definitionId: 'def-1', elementId: 'nightly', dueAt: '2026-01-01T00:00:10.000Z', firedCount: 0 };

    expect(startTimerInstanceId(firing)).toBe(startTimerInstanceId({ ...firing }));
    expect(startTimerInstanceId(firing)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(startTimerInstanceId({ ...firing, dueAt: '2026-01-01T00:00:20.000Z' })).not.toBe(startTimerInstanceId(firing));
  });
});
