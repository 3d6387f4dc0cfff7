import fc from 'fast-check';
import { bpmnProcess, flow } from '../testing/bpmn-fixtures.js';
import { Scenario, type ScenarioInstance } from '../testing/scenario.js';
import type { Catch } from '../state/instance-state.js';

// The engine keeps jobs and subscription rows from the effect stream alone. Whatever order
// timers, messages, signals, task completions and a cancel arrive in, the catches in the
// state must be exactly the timers and subscriptions the effects left open, and nothing may
// stay open once the instance has ended. (An event subprocess listens with the same catches.)
const ROOTS = `<bpmn:message id="signed" name="offerSigned" stageflow:correlationKey="= dealId"/>
  <bpmn:message id="declined" name="offerDeclined" stageflow:correlationKey="= dealId"/>
  <bpmn:signal id="stop" name="campaignStopped"/><bpmn:error id="rejected" errorCode="REJECTED"/>
  <bpmn:escalation id="late" escalationCode="LATE"/>`;
const timer = (tag: string, value: string) => `<bpmn:timerEventDefinition><bpmn:${tag}>${value}</bpmn:${tag}></bpmn:timerEventDefinition>`;

const DIAGRAM = bpmnProcess(`
  <bpmn:startEvent id="start"/>
  <bpmn:parallelGateway id="fork"/>

  <bpmn:userTask id="call"/>
  <bpmn:boundaryEvent id="remind" attachedToRef="call" cancelActivity="false">${timer('timeCycle', 'R3/P1D')}</bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="signedEarly" attachedToRef="call"><bpmn:messageEventDefinition messageRef="signed"/></bpmn:boundaryEvent>
  <bpmn:userTask id="reminder"/>
  <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/>

  <bpmn:eventBasedGateway id="race"/>
  <bpmn:intermediateCatchEvent id="whenDeclined"><bpmn:messageEventDefinition messageRef="declined"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="whenStopped"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="after3Days">${timer('timeDuration', 'P3D')}</bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="e4"/>

  <bpmn:subProcess id="negotiate">
    <bpmn:startEvent id="s2"/>
    <bpmn:parallelGateway id="innerFork"/>
    <bpmn:intermediateCatchEvent id="cooldown">${timer('timeDuration', 'PT12H')}</bpmn:intermediateCatchEvent>
    <bpmn:receiveTask id="awaitSignature" messageRef="signed"/>
    <bpmn:userTask id="prepare"/>
    <bpmn:exclusiveGateway id="outcome" default="toOk"/>
    <bpmn:endEvent id="failed"><bpmn:errorEventDefinition errorRef="rejected"/></bpmn:endEvent>
    <bpmn:intermediateThrowEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="i1"/><bpmn:endEvent id="i2"/><bpmn:endEvent id="i3"/>
    ${flow('g1', 's2', 'innerFork')}${flow('g2', 'innerFork', 'cooldown')}${flow('g3', 'innerFork', 'awaitSignature')}${flow('g4', 'innerFork', 'prepare')}
    ${flow('g5', 'cooldown', 'i1')}${flow('g6', 'awaitSignature', 'i2')}${flow('g7', 'prepare', 'outcome')}
    ${flow('toFail', 'outcome', 'failed', '= verdict = "reject"')}${flow('toLate', 'outcome', 'escalate', '= verdict = "late"')}${flow('toOk', 'outcome', 'i3')}
    ${flow('g8', 'escalate', 'i3')}
  </bpmn:subProcess>
  <bpmn:boundaryEvent id="onRejected" attachedToRef="negotiate"><bpmn:errorEventDefinition errorRef="rejected"/></bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="onLate" attachedToRef="negotiate" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="onStop" attachedToRef="negotiate"><bpmn:signalEventDefinition signalRef="stop"/></bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="deadline" attachedToRef="negotiate">${timer('timeDuration', 'P14D')}</bpmn:boundaryEvent>
  <bpmn:endEvent id="e5"/><bpmn:endEvent id="e6"/>

  <bpmn:subProcess id="nudges" triggeredByEvent="true">
    <bpmn:startEvent id="nudgeStart" isInterrupting="false">${timer('timeCycle', 'R2/PT6H')}</bpmn:startEvent>
    <bpmn:userTask id="nudge"/><bpmn:endEvent id="n1"/>
    ${flow('n0', 'nudgeStart', 'nudge')}${flow('n2', 'nudge', 'n1')}
  </bpmn:subProcess>

  ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'call')}${flow('f3', 'fork', 'race')}${flow('f4', 'fork', 'negotiate')}
  ${flow('f5', 'call', 'e1')}${flow('f6', 'remind', 'reminder')}${flow('f7', 'reminder', 'e2')}${flow('f8', 'signedEarly', 'e3')}
  ${flow('f9', 'race', 'whenDeclined')}${flow('f10', 'race', 'whenStopped')}${flow('f11', 'race', 'after3Days')}
  ${flow('f12', 'whenDeclined', 'e4')}${flow('f13', 'whenStopped', 'e4')}${flow('f14', 'after3Days', 'e4')}
  ${flow('f15', 'negotiate', 'e5')}${flow('f16', 'onRejected', 'e6')}${flow('f17', 'onLate', 'e6')}${flow('f18', 'onStop', 'e6')}${flow('f19', 'deadline', 'e6')}`).replace(
  '<bpmn:process',
  `${ROOTS}<bpmn:process`,
);

type Step = { kind: 'complete' | 'timer' | 'message'; pick: number; verdict: 'ok' | 'reject' | 'late' } | { kind: 'signal' } | { kind: 'cancel' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('complete' as const, 'timer' as const, 'message' as const),
      pick: fc.nat(20),
      verdict: fc.constantFrom('ok' as const, 'reject' as const, 'late' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'signal' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
);

function catchesIn(instance: ScenarioInstance): string[] {
  const tokens = (instance.state as unknown as { tokens: { catches?: Catch[] }[] }).tokens;
  return tokens.flatMap((token) => (token.catches ?? []).map((entry) => entry.id)).sort();
}

function openWaits(instance: ScenarioInstance): string[] {
  return [...instance.timers().map((t) => t.timerId), ...instance.subscriptions().map((s) => s.subscriptionId)].sort();
}

function apply(instance: ScenarioInstance, next: Step): void {
  if (next.kind === 'cancel') instance.cancel();
  else if (next.kind === 'signal') {
    if (instance.subscriptions().some((sub) => sub.type === 'SignalSubscribed')) instance.signal('campaignStopped');
  } else if (next.kind === 'complete') {
    const tasks = instance.openTasks();
    if (tasks.length > 0) instance.complete(tasks[next.pick % tasks.length]!.taskId, { verdict: next.verdict });
  } else if (next.kind === 'timer') {
    const timers = instance.timers();
    if (timers.length > 0) instance.fireTimer(timers[next.pick % timers.length]!.timerId);
  } else {
    const messages = instance.subscriptions().filter((sub) => sub.type === 'MessageSubscribed');
    if (messages.length > 0) instance.correlate(messages[next.pick % messages.length]!.subscriptionId, { note: next.pick });
  }
}

describe('catch lifecycle (property)', () => {
  it('given any order of timers, messages, signals, completions and a cancel, then the state holds exactly the waits the effects left open, and none once the instance has ended', async () => {
    const scenario = await Scenario.deploy(DIAGRAM);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const instance = scenario.start({ variables: { dealId: 'D-1' } });
        const scheduled = new Set<string>();
        for (const next of steps) {
          if (instance.status !== 'active' && instance.status !== 'incident') break;
          const seen = instance.effects.length;
          apply(instance, next);
          for (const effect of instance.effects.slice(seen)) {
            if (effect.type !== 'TimerScheduled') continue;
            if (scheduled.has(effect.timerId)) throw new Error(`timer id ${effect.timerId} scheduled twice`);
            scheduled.add(effect.timerId);
          }
          if (catchesIn(instance).join() !== openWaits(instance).join()) {
            throw new Error(`state catches ${catchesIn(instance).join()} != open waits ${openWaits(instance).join()} after ${JSON.stringify(next)}`);
          }
          expect(instance.status).not.toBe('incident');
        }
        if (instance.status === 'completed') {
          // Every element entered was left, interrupted and killed ones included (active elements end empty).
          const ids = (type: 'ElementEntered' | 'ElementLeft') =>
            instance
              .effectsOf(type)
              .map((effect) => effect.elementId)
              .sort()
              .join();
          expect(ids('ElementLeft')).toBe(ids('ElementEntered'));
        }
        if (instance.status === 'active') instance.cancel();
        expect(openWaits(instance)).toEqual([]);
        expect(instance.openTasks()).toEqual([]);
        expect(catchesIn(instance)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
