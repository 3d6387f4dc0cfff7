import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const ROOTS = `<bpmn:message id="m" name="dealWon"/><bpmn:signal id="s" name="quarterTargetHit"/><bpmn:escalation id="late" escalationCode="LATE"/>`;
const withRoots = (xml: string) => xml.replace('<bpmn:process', `${ROOTS}<bpmn:process`);

describe('message, signal and escalation end events', () => {
  it('given message and signal end events on two branches, when both are reached, then each throws and the instance completes', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:parallelGateway id="fork"/>
          <bpmn:endEvent id="notify"><bpmn:messageEventDefinition messageRef="m"/></bpmn:endEvent>
          <bpmn:endEvent id="broadcast"><bpmn:signalEventDefinition signalRef="s"/></bpmn:endEvent>
          ${flow('f1', 'start', 'fork')}${flow('f2', 'fork', 'notify')}${flow('f3', 'fork', 'broadcast')}`),
      ),
    );

    const instance = scenario.start({ variables: { dealId: 'D-1' } });

    expect(instance.status).toBe('completed');
    expect(instance.effectsOf('MessageThrown')).toEqual([{ type: 'MessageThrown', elementId: 'notify', messageName: 'dealWon', variables: { dealId: 'D-1' } }]);
    expect(instance.effectsOf('SignalThrown')).toEqual([
      { type: 'SignalThrown', elementId: 'broadcast', signalName: 'quarterTargetHit', variables: { dealId: 'D-1' } },
    ]);
  });

  it('given an escalation end event in a subprocess with an interrupting boundary, when reached, then the subprocess is interrupted and continues at the boundary', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(`
          <bpmn:startEvent id="start"/>
          <bpmn:subProcess id="deal">
            <bpmn:startEvent id="s2"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="negotiate"/>
            <bpmn:endEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:endEvent>
            <bpmn:endEvent id="e2"/>
            ${flow('g1', 's2', 'fork')}${flow('g2', 'fork', 'negotiate')}${flow('g3', 'fork', 'tooLate')}${flow('g4', 'negotiate', 'e2')}
          </bpmn:subProcess>
          <bpmn:boundaryEvent id="escalated" attachedToRef="deal"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:boundaryEvent>
          <bpmn:endEvent id="end"/>
          <bpmn:endEvent id="endEscalated"/>
          ${flow('f1', 'start', 'deal')}${flow('f2', 'deal', 'end')}${flow('f3', 'escalated', 'endEscalated')}`),
      ),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    expect(instance.entered().slice(-2)).toEqual(['escalated', 'endEscalated']);
    expect(instance.effectsOf('TaskCancelled').map((effect) => effect.elementId)).toEqual(['negotiate']);
  });

  it('given an uncaught escalation end event, when reached, then the token simply ends, after EscalationUncaught', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(
          `<bpmn:startEvent id="start"/><bpmn:endEvent id="lateEnd"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:endEvent>${flow('f1', 'start', 'lateEnd')}`,
        ),
      ),
    );

    const instance = scenario.start();

    expect(instance.status).toBe('completed');
    const types = instance.effects.map((effect) => effect.type);
    expect(types.indexOf('EscalationUncaught')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('EscalationUncaught')).toBeLessThan(types.indexOf('InstanceCompleted'));
    expect(instance.effectsOf('EscalationUncaught')).toEqual([{ type: 'EscalationUncaught', elementId: 'lateEnd', escalationCode: 'LATE' }]);
  });

  it('given an escalation end event, when reached, then its token leaves the end event before it ends', async () => {
    const scenario = await Scenario.deploy(
      withRoots(
        bpmnProcess(
          `<bpmn:startEvent id="start"/><bpmn:endEvent id="lateEnd"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:endEvent>${flow('f1', 'start', 'lateEnd')}`,
        ),
      ),
    );

    const instance = scenario.start();

    const types = instance.effects.map((effect) => `${effect.type} ${(effect as { elementId?: string }).elementId ?? ''}`.trim());
    expect(types.slice(-2)).toEqual(['ElementLeft lateEnd', 'InstanceCompleted']);
  });
});
