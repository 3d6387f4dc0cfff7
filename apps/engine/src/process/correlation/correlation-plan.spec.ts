import type { Effect } from '@stageflow/bpmn-runtime';
import {
  BROADCAST_SIGNAL_TASK,
  COMPLETE_CALLED_PROCESS_TASK,
  ESCALATE_CALLED_PROCESS_TASK,
  FAIL_CALLED_PROCESS_TASK,
  START_CALLED_PROCESS_TASK,
} from './correlation-jobs.js';
import { isEmptyCorrelationPlan, planCorrelation, type CorrelationContext } from './correlation-plan.js';

const topLevel: CorrelationContext = { instanceId: 'i-1', parent: null, command: null };
const child: CorrelationContext = { instanceId: 'c-1', parent: { instanceId: 'p-1', callId: 'call-1' }, command: null };

describe('planCorrelation', () => {
  it('given effects of user tasks only, then the plan writes nothing', () => {
    const effects: Effect[] = [{ type: 'ElementEntered', elementId: 'a', elementType: 'bpmn:UserTask' }];
    expect(isEmptyCorrelationPlan(planCorrelation(effects, topLevel))).toBe(true);
  });

  it('given a message subscription, then a row with its name and evaluated key is opened', () => {
    const plan = planCorrelation(
      [{ type: 'MessageSubscribed', subscriptionId: 's-1', elementId: 'wait', messageName: 'offer-signed', correlationKey: 'L-7' }],
      topLevel,
    );
    expect(plan.openedMessageSubscriptions).toEqual([{ id: 's-1', elementId: 'wait', messageName: 'offer-signed', correlationKey: 'L-7' }]);
  });

  it('given a subscription without a key, then its row has a null key (matched only by messages without one)', () => {
    const plan = planCorrelation([{ type: 'MessageSubscribed', subscriptionId: 's-1', elementId: 'wait', messageName: 'm' }], topLevel);
    expect(plan.openedMessageSubscriptions[0]?.correlationKey).toBeNull();
  });

  it('given a subscription opened and closed by the same command, then no row is written or deleted', () => {
    const plan = planCorrelation(
      [
        { type: 'MessageSubscribed', subscriptionId: 's-1', elementId: 'b', messageName: 'm' },
        { type: 'SignalSubscribed', subscriptionId: 's-2', elementId: 'b2', signalName: 'sig' },
        { type: 'MessageSubscriptionClosed', subscriptionId: 's-1', elementId: 'b' },
        { type: 'SignalSubscriptionClosed', subscriptionId: 's-2', elementId: 'b2' },
      ],
      topLevel,
    );
    expect(isEmptyCorrelationPlan(plan)).toBe(true);
  });

  it('given subscriptions opened earlier are closed, then their rows are deleted', () => {
    const plan = planCorrelation(
      [
        { type: 'MessageSubscriptionClosed', subscriptionId: 's-1', elementId: 'b' },
        { type: 'SignalSubscriptionClosed', subscriptionId: 's-2', elementId: 'b2' },
      ],
      topLevel,
    );
    expect(plan.closedMessageSubscriptionIds).toEqual(['s-1']);
    expect(plan.closedSignalSubscriptionIds).toEqual(['s-2']);
  });

  it('given a thrown message, then an outbox row carries its name, key and variables', () => {
    const plan = planCorrelation(
      [{ type: 'MessageThrown', elementId: 'notify', messageName: 'lead-won', correlationKey: 'L-1', variables: { amount: 5 } }],
      topLevel,
    );
    expect(plan.outbox).toEqual([{ elementId: 'notify', name: 'lead-won', correlationKey: 'L-1', payload: { amount: 5 } }]);
  });

  it('given a thrown signal, then one broadcast job names the signal, its variables and the source instance', () => {
    const plan = planCorrelation([{ type: 'SignalThrown', elementId: 'throw', signalName: 'price-change', variables: { list: 'Q4' } }], topLevel);
    expect(plan.jobs).toEqual([{ task: BROADCAST_SIGNAL_TASK, payload: { signalName: 'price-change', variables: { list: 'Q4' }, sourceInstanceId: 'i-1' } }]);
  });

  it('given a call activity starts a process, then a pending call row and a start job keyed by the call id', () => {
    const plan = planCorrelation(
      [{ type: 'CalledProcessStarted', callId: 'call-9', elementId: 'convert', processKey: 'opportunity', businessKey: 'L-1', variables: { amount: 10 } }],
      topLevel,
    );
    expect(plan.startedCalls).toEqual([{ callId: 'call-9', elementId: 'convert', processKey: 'opportunity' }]);
    expect(plan.jobs).toEqual([
      {
        task: START_CALLED_PROCESS_TASK,
        payload: { processInstanceId: 'i-1', callId: 'call-9', elementId: 'convert', processKey: 'opportunity', businessKey: 'L-1', variables: { amount: 10 } },
        key: 'call:call-9',
      },
    ]);
  });

  it('given a call started and cancelled by the same command, then neither its row nor its job is written', () => {
    const plan = planCorrelation(
      [
        { type: 'CalledProcessStarted', callId: 'call-9', elementId: 'convert', processKey: 'opportunity', variables: {} },
        { type: 'CalledProcessCancelled', callId: 'call-9', elementId: 'convert' },
      ],
      topLevel,
    );
    expect(isEmptyCorrelationPlan(plan)).toBe(true);
  });

  it('given an earlier call is cancelled, then it is listed for the statement to cancel its child', () => {
    const plan = planCorrelation([{ type: 'CalledProcessCancelled', callId: 'call-3', elementId: 'convert' }], topLevel);
    expect(plan.cancelledCallIds).toEqual(['call-3']);
  });

  it('given a called process completes, then a job continues the parent at its call', () => {
    const plan = planCorrelation([{ type: 'InstanceCompleted' }], child);
    expect(plan.jobs).toEqual([
      { task: COMPLETE_CALLED_PROCESS_TASK, payload: { processInstanceId: 'p-1', callId: 'call-1', childInstanceId: 'c-1' }, key: 'call-end:call-1' },
    ]);
  });

  it('given a called process ends at a terminate end event, then the parent goes on as for a completion', () => {
    const plan = planCorrelation([{ type: 'InstanceTerminated', elementId: 'kill' }], child);
    expect(plan.jobs.map((job) => job.task)).toEqual([COMPLETE_CALLED_PROCESS_TASK]);
  });

  it('given a called process is cancelled, then the parent is not told', () => {
    expect(planCorrelation([{ type: 'InstanceTerminated' }], child).jobs).toEqual([]);
    expect(planCorrelation([{ type: 'InstanceCancelled' }], child).jobs).toEqual([]);
  });

  it('given a top-level instance completes, then no job is written', () => {
    expect(planCorrelation([{ type: 'InstanceCompleted' }], topLevel).jobs).toEqual([]);
  });

  it('given a called process throws an uncaught error, then a job fails the call on the parent with the code', () => {
    const plan = planCorrelation([{ type: 'ErrorUncaught', elementId: 'fail', errorCode: 'NO_BUDGET', message: 'no budget' }], child);
    expect(plan.jobs).toEqual([
      {
        task: FAIL_CALLED_PROCESS_TASK,
        payload: { processInstanceId: 'p-1', callId: 'call-1', childInstanceId: 'c-1', errorCode: 'NO_BUDGET', message: 'no budget' },
        key: 'call-end:call-1',
      },
    ]);
  });

  it('given a top-level instance throws an uncaught error, then no job is written (its incident tells)', () => {
    expect(planCorrelation([{ type: 'ErrorUncaught', elementId: 'fail', errorCode: 'E' }], topLevel).jobs).toEqual([]);
  });

  it('given a called process throws uncaught escalations, then each is a row for its call, in order, and one job delivers them to the parent', () => {
    const plan = planCorrelation(
      [
        { type: 'EscalationUncaught', elementId: 'raise', escalationCode: 'LATE' },
        { type: 'EscalationUncaught', elementId: 'tooLate', escalationCode: 'LOST' },
        { type: 'InstanceCompleted' },
      ],
      child,
    );
    expect(plan.thrownEscalations).toEqual([
      { callId: 'call-1', elementId: 'raise', escalationCode: 'LATE' },
      { callId: 'call-1', elementId: 'tooLate', escalationCode: 'LOST' },
    ]);
    expect(plan.jobs.map((job) => job.task)).toEqual([ESCALATE_CALLED_PROCESS_TASK, COMPLETE_CALLED_PROCESS_TASK]);
    expect(plan.jobs[0]).toEqual({ task: ESCALATE_CALLED_PROCESS_TASK, payload: { processInstanceId: 'p-1', callId: 'call-1' } });
  });

  it('given a top-level instance throws an uncaught escalation, then nothing is written for it (its history tells)', () => {
    expect(isEmptyCorrelationPlan(planCorrelation([{ type: 'EscalationUncaught', elementId: 'raise', escalationCode: 'LATE' }], topLevel))).toBe(true);
  });

  it("given the command consumed a child's end, then that call is marked ended", () => {
    const plan = planCorrelation([], { ...topLevel, command: { type: 'completeCalledProcess', callId: 'call-4', variables: {} } });
    expect(plan.endedCallId).toBe('call-4');
  });

  it('given a message was correlated, then its subscription row is deleted once, whether or not the close is reported', () => {
    const context: CorrelationContext = { ...topLevel, command: { type: 'correlateMessage', subscriptionId: 's-5' } };
    expect(planCorrelation([], context).closedMessageSubscriptionIds).toEqual(['s-5']);
    expect(planCorrelation([{ type: 'MessageSubscriptionClosed', subscriptionId: 's-5', elementId: 'w' }], context).closedMessageSubscriptionIds).toEqual([
      's-5',
    ]);
  });

  it("given the parent leaves a call by an error boundary after the child's error, then the call is ended, not also cancelled", () => {
    const plan = planCorrelation([{ type: 'CalledProcessCancelled', callId: 'call-4', elementId: 'convert' }], {
      ...topLevel,
      command: { type: 'failCalledProcess', callId: 'call-4', errorCode: 'CREDIT_REJECTED' },
    });
    expect(plan.endedCallId).toBe('call-4');
    expect(plan.cancelledCallIds).toEqual([]);
  });
});
