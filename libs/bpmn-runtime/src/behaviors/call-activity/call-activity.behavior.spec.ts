import { CommandRejectedError } from '../../contract/interpret.js';
import { compileBpmn } from '../../model/compile-bpmn.js';
import { bpmnProcess, flow } from '../../testing/bpmn-fixtures.js';
import { Scenario } from '../../testing/scenario.js';

const io = (mappings: string) => (mappings ? `<bpmn:extensionElements><stageflow:ioMapping>${mappings}</stageflow:ioMapping></bpmn:extensionElements>` : '');

const lead = (mappings = '', attributes = '') =>
  bpmnProcess(
    `
    <bpmn:startEvent id="start"/>
    <bpmn:callActivity id="convert" calledElement="opportunity" ${attributes}>${io(mappings)}</bpmn:callActivity>
    <bpmn:userTask id="followUp"/>
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'convert')}
    ${flow('f2', 'convert', 'followUp')}
    ${flow('f3', 'followUp', 'end')}`,
    'lead',
  );

const opportunity = bpmnProcess(
  `
  <bpmn:startEvent id="oStart"/>
  <bpmn:userTask id="negotiate" stageflow:assignee="= owner"/>
  <bpmn:endEvent id="oEnd"/>
  ${flow('o1', 'oStart', 'negotiate')}
  ${flow('o2', 'negotiate', 'oEnd')}`,
  'opportunity',
);

/** Adds the bpmn:error the specs throw to a diagram. */
const withErrors = (xml: string) => xml.replace('</bpmn:definitions>', '<bpmn:error id="creditRejected" errorCode="CREDIT_REJECTED"/></bpmn:definitions>');

/** Adds the bpmn:escalation the specs throw to a diagram. */
const withEscalations = (xml: string) =>
  xml.replace(
    '</bpmn:definitions>',
    '<bpmn:escalation id="late" escalationCode="LATE"/><bpmn:escalation id="other" escalationCode="OTHER"/></bpmn:definitions>',
  );

/** A called process that throws escalation `ref` (intermediate throw), then waits at `negotiate`. */
const escalatingChild = (ref = 'late') =>
  withEscalations(
    bpmnProcess(
      `
      <bpmn:startEvent id="cStart"/>
      <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="${ref}"/></bpmn:intermediateThrowEvent>
      <bpmn:userTask id="negotiate"/>
      <bpmn:endEvent id="cEnd"/>
      ${flow('c1', 'cStart', 'raise')}${flow('c2', 'raise', 'negotiate')}${flow('c3', 'negotiate', 'cEnd')}`,
      'deal',
    ),
  );

/** A called process that ends at an escalation end event (the escalation and its end come in one command). */
const childEndingEscalated = withEscalations(
  bpmnProcess(
    `
    <bpmn:startEvent id="cStart"/>
    <bpmn:userTask id="negotiate"/>
    <bpmn:endEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:endEvent>
    ${flow('c1', 'cStart', 'negotiate')}${flow('c2', 'negotiate', 'tooLate')}`,
    'deal',
  ),
);

/** A parent calling `deal`, with an escalation boundary (`cancelActivity`, catching `ref` or every code) on the call. */
const escalationParent = (cancel: boolean, ref?: string) =>
  withEscalations(
    bpmnProcess(
      `
      <bpmn:startEvent id="start"/>
      <bpmn:callActivity id="closeDeal" calledElement="deal"/>
      <bpmn:boundaryEvent id="escalated" attachedToRef="closeDeal" cancelActivity="${cancel}"><bpmn:escalationEventDefinition${ref ? ` escalationRef="${ref}"` : ''}/></bpmn:boundaryEvent>
      <bpmn:userTask id="followUp"/><bpmn:userTask id="informManager"/>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 'start', 'closeDeal')}${flow('f2', 'closeDeal', 'followUp')}${flow('f3', 'followUp', 'e1')}
      ${flow('f4', 'escalated', 'informManager')}${flow('f5', 'informManager', 'e2')}`,
      'lead',
    ),
  );

const MAPPED =
  '<stageflow:input source="= owner" target="owner"/><stageflow:input source="= budget * 2" target="value"/><stageflow:output source="= amount" target="wonAmount"/>';

describe('call activity', () => {
  it('given a call activity with inputs, when reached, then it starts the called process with exactly the inputs and the business key, and waits', async () => {
    const scenario = await Scenario.deploy(lead(MAPPED));

    const instance = scenario.start({ variables: { owner: 'ann', budget: 500, secret: 'x' }, businessKey: 'LEAD-7' });

    expect(instance.lastEffects).toContainEqual({
      type: 'CalledProcessStarted',
      callId: expect.any(String),
      elementId: 'convert',
      processKey: 'opportunity',
      businessKey: 'LEAD-7',
      variables: { owner: 'ann', value: 1000 },
    });
    expect(instance.state).toMatchObject({ status: 'active', tokens: [{ nodeId: 'convert', wait: 'calledProcess' }] });
  });

  it('given no input mappings, when reached, then the child starts with no variables (nothing crosses unless mapped)', async () => {
    const scenario = await Scenario.deploy(lead());

    const instance = scenario.start({ variables: { owner: 'ann' } });

    expect(instance.lastOf('CalledProcessStarted', 'convert').variables).toEqual({});
    expect(instance.lastOf('CalledProcessStarted', 'convert')).not.toHaveProperty('businessKey');
  });

  it('given a waiting call, when the child completes, then the outputs map its end variables into the parent and the parent continues', async () => {
    const scenario = await Scenario.deploy(lead(`${MAPPED}<stageflow:output source="= amount / value" target="ratio"/>`));
    const instance = scenario.start({ variables: { owner: 'ann', budget: 500 } });

    instance.completeCalledProcess('convert', { amount: 2000, notes: 'child only' });

    expect(instance.variables).toEqual({ owner: 'ann', budget: 500, wonAmount: 2000, ratio: 2 });
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['followUp']);
    expect((instance.state as unknown as { scopes: object }).scopes).toEqual({});
  });

  it('given no output mappings, when the child completes, then nothing comes back and the parent continues', async () => {
    const scenario = await Scenario.deploy(lead());
    const instance = scenario.start({ variables: { owner: 'ann' } });

    instance.completeCalledProcess('convert', { owner: 'bob', amount: 1 });

    expect(instance.variables).toEqual({ owner: 'ann' });
    expect(instance.lastEffects).toContainEqual({ type: 'ElementLeft', elementId: 'convert', elementType: 'bpmn:CallActivity' });
  });

  it('given both processes in the scenario, when the child is worked to its end, then the parent continues with the mapped result', async () => {
    const scenario = await Scenario.deploy([lead(MAPPED), opportunity]);
    const instance = scenario.start({ variables: { owner: 'ann', budget: 500 }, businessKey: 'LEAD-7' });
    const child = instance.called('convert');
    expect(child.task('negotiate').assignee).toBe('ann');

    child.complete('negotiate', { amount: 1200 });

    expect(child.status).toBe('completed');
    expect(instance.variables).toMatchObject({ wonAmount: 1200 });
    expect(instance.task('followUp')).toBeDefined();
  });

  it('given a stale or unknown call id, when the child is reported complete, then the command is rejected', async () => {
    const scenario = await Scenario.deploy(lead());
    const instance = scenario.start();
    const callId = instance.lastOf('CalledProcessStarted', 'convert').callId;
    instance.send({ type: 'completeCalledProcess', callId, variables: {} });

    expect(() => instance.send({ type: 'completeCalledProcess', callId, variables: {} })).toThrow(CommandRejectedError);
    expect(() => instance.send({ type: 'failCalledProcess', callId: 'nope', errorCode: 'E' })).toThrow(/No call activity waits for called process 'nope'/);
  });

  it('given a child that failed with a BPMN error nobody catches, when reported, then the error goes on up and the call activity has an incident; a retry starts the child again', async () => {
    const scenario = await Scenario.deploy(lead(MAPPED));
    const instance = scenario.start({ variables: { owner: 'ann', budget: 1 } });
    const first = instance.lastOf('CalledProcessStarted', 'convert').callId;

    instance.send({ type: 'failCalledProcess', callId: first, errorCode: 'CREDIT_REJECTED', message: 'no credit line' });

    expect(instance.lastEffects.slice(0, 2)).toEqual([
      { type: 'CalledProcessCancelled', callId: first, elementId: 'convert' },
      { type: 'ErrorUncaught', elementId: 'convert', errorCode: 'CREDIT_REJECTED', message: 'no credit line' },
    ]);
    expect(instance.status).toBe('incident');
    expect(instance.lastOf('IncidentRaised', 'convert').message).toContain("BPMN error 'CREDIT_REJECTED' (no credit line) was not caught");
    instance.retryIncident('convert');
    const second = instance.lastOf('CalledProcessStarted', 'convert');
    expect(second.callId).not.toBe(first);
    expect(second.variables).toEqual({ owner: 'ann', value: 2 });
    expect(instance.status).toBe('active');
  });

  it('given an error boundary on the call activity, when the child ends with that error, then the parent leaves by the boundary', async () => {
    const parent = withErrors(
      bpmnProcess(
        `
        <bpmn:startEvent id="start"/>
        <bpmn:callActivity id="convert" calledElement="credit"/>
        <bpmn:boundaryEvent id="rejected" attachedToRef="convert"><bpmn:errorEventDefinition errorRef="creditRejected"/></bpmn:boundaryEvent>
        <bpmn:userTask id="followUp"/><bpmn:userTask id="apologize"/>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 'start', 'convert')}${flow('f2', 'convert', 'followUp')}${flow('f3', 'followUp', 'e1')}
        ${flow('f4', 'rejected', 'apologize')}${flow('f5', 'apologize', 'e2')}`,
        'lead',
      ),
    );
    const child = withErrors(
      bpmnProcess(
        `
        <bpmn:startEvent id="cStart"/>
        <bpmn:userTask id="check"/>
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="creditRejected"/></bpmn:endEvent>
        ${flow('c1', 'cStart', 'check')}${flow('c2', 'check', 'fail')}`,
        'credit',
      ),
    );
    const scenario = await Scenario.deploy([parent, child]);
    const instance = scenario.start();

    instance.called('convert').complete('check');

    expect(instance.called('convert').effectsOf('ErrorUncaught')).toEqual([{ type: 'ErrorUncaught', elementId: 'fail', errorCode: 'CREDIT_REJECTED' }]);
    expect(instance.openTasks().map((task) => task.elementId)).toEqual(['apologize']);
    expect(instance.status).toBe('active');
    expect(instance.effectsOf('CalledProcessCancelled')).toHaveLength(1);
    expect(instance.called('convert').status).toBe('terminated');
    // The interrupted call activity is left like any interrupted wait (else it stays active).
    expect(instance.effectsOf('ElementLeft').filter((effect) => effect.elementId === 'convert')).toHaveLength(1);
  });

  it('given a waiting call, when the parent is cancelled, then the called process is cancelled too', async () => {
    const scenario = await Scenario.deploy([lead(), opportunity]);
    const instance = scenario.start({ variables: { owner: 'ann' } });
    const child = instance.called('convert');

    instance.cancel();

    expect(instance.lastEffects).toContainEqual({ type: 'CalledProcessCancelled', callId: expect.any(String), elementId: 'convert' });
    expect(child.status).toBe('terminated');
  });

  it('given a waiting call, when a terminate end event ends its scope, then the called process is cancelled', async () => {
    const scenario = await Scenario.deploy(
      bpmnProcess(`
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:callActivity id="convert" calledElement="opportunity"/>
        <bpmn:userTask id="disqualify"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition/></bpmn:endEvent>
        ${flow('f1', 'start', 'fork')}
        ${flow('f2', 'fork', 'convert')}
        ${flow('f3', 'fork', 'disqualify')}
        ${flow('f4', 'convert', 'end')}
        ${flow('f5', 'disqualify', 'kill')}`),
    );
    const instance = scenario.start();
    const callId = instance.lastOf('CalledProcessStarted', 'convert').callId;

    instance.complete('disqualify');

    expect(instance.lastEffects).toContainEqual({ type: 'CalledProcessCancelled', callId, elementId: 'convert' });
    expect(instance.status).toBe('terminated');
  });

  it('given an interrupting timer boundary on a waiting call activity, when it fires, then the called process is cancelled', async () => {
    const scenario = await Scenario.deploy([
      bpmnProcess(
        `
        <bpmn:startEvent id="start"/>
        <bpmn:callActivity id="convert" calledElement="opportunity"/>
        <bpmn:boundaryEvent id="late" attachedToRef="convert"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:userTask id="chase"/>
        <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 'start', 'convert')}${flow('f2', 'convert', 'e1')}${flow('f3', 'late', 'chase')}${flow('f4', 'chase', 'e2')}`,
        'lead',
      ),
      opportunity,
    ]);
    const instance = scenario.start({ variables: { owner: 'ann' } });
    const child = instance.called('convert');

    instance.fireTimer('late');

    expect(instance.lastEffects).toContainEqual({
      type: 'CalledProcessCancelled',
      callId: instance.lastOf('CalledProcessStarted', 'convert').callId,
      elementId: 'convert',
    });
    expect(child.status).toBe('terminated');
    expect(instance.waitingAt()).toEqual(['chase']);
  });

  it('given stageflow:async on a call activity, when reached, then the child is started only by the continuation', async () => {
    const scenario = await Scenario.deploy(lead('', 'stageflow:async="true"'));
    const instance = scenario.start();
    expect(instance.effectsOf('CalledProcessStarted')).toEqual([]);

    instance.continueAsync('convert');

    expect(instance.effectsOf('CalledProcessStarted')).toHaveLength(1);
  });

  describe('escalations from the called process', () => {
    it('given a non-interrupting escalation boundary on the call activity, when the child throws that escalation, then the boundary path starts, the call keeps waiting and the child runs on', async () => {
      const scenario = await Scenario.deploy([escalationParent(false, 'late'), escalatingChild()]);

      const instance = scenario.start();

      const child = instance.called('closeDeal');
      expect(child.effectsOf('EscalationUncaught')).toEqual([{ type: 'EscalationUncaught', elementId: 'raise', escalationCode: 'LATE' }]);
      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
      expect(instance.effectsOf('CalledProcessCancelled')).toEqual([]);
      expect(instance.effectsOf('EscalationUncaught')).toEqual([]);
      expect(child.status).toBe('active');
      child.complete('negotiate');
      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager', 'followUp']);
    });

    it('given an interrupting escalation boundary on the call activity, when the child throws that escalation, then the call is left by the boundary and the child is cancelled', async () => {
      const scenario = await Scenario.deploy([escalationParent(true, 'late'), escalatingChild()]);

      const instance = scenario.start();

      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
      expect(instance.effectsOf('CalledProcessCancelled')).toEqual([
        { type: 'CalledProcessCancelled', callId: instance.lastOf('CalledProcessStarted', 'closeDeal').callId, elementId: 'closeDeal' },
      ]);
      expect(instance.called('closeDeal').status).toBe('terminated');
      expect(instance.called('closeDeal').openTasks()).toEqual([]);
    });

    it('given a catch-all interrupting boundary, when the child ends at an escalation end event, then the escalation wins over the end: the parent leaves by the boundary only', async () => {
      const scenario = await Scenario.deploy([escalationParent(true), childEndingEscalated]);
      const instance = scenario.start();

      instance.called('closeDeal').complete('negotiate');

      expect(instance.called('closeDeal').status).toBe('completed');
      expect(instance.entered()).toContain('escalated');
      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
    });

    it('given a non-interrupting boundary, when the child ends at an escalation end event, then the parent takes the boundary and also continues after the call', async () => {
      const scenario = await Scenario.deploy([escalationParent(false, 'late'), childEndingEscalated]);
      const instance = scenario.start();

      instance.called('closeDeal').complete('negotiate');

      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager', 'followUp']);
    });

    it('given no boundary for the code on the call activity, when the child escalates, then the call keeps waiting and the escalation goes on up as EscalationUncaught at the call activity', async () => {
      const scenario = await Scenario.deploy([escalationParent(true, 'late'), escalatingChild('other')]);

      const instance = scenario.start();

      expect(instance.effectsOf('EscalationUncaught')).toEqual([{ type: 'EscalationUncaught', elementId: 'closeDeal', escalationCode: 'OTHER' }]);
      expect(instance.openTasks()).toEqual([]);
      expect(instance.called('closeDeal').status).toBe('active');
      expect(instance.state).toMatchObject({ status: 'active', tokens: [{ nodeId: 'closeDeal', wait: 'calledProcess' }] });
    });

    it('given a chain of calls, when the grandchild escalates and only the grandparent catches it, then it travels up through the middle call activity', async () => {
      const middle = withEscalations(
        bpmnProcess(
          `<bpmn:startEvent id="mStart"/><bpmn:callActivity id="callDeal" calledElement="deal"/><bpmn:endEvent id="mEnd"/>
          ${flow('m1', 'mStart', 'callDeal')}${flow('m2', 'callDeal', 'mEnd')}`,
          'middle',
        ),
      );
      const top = escalationParent(false, 'late').replace('calledElement="deal"', 'calledElement="middle"');
      const scenario = await Scenario.deploy([top, middle, escalatingChild()]);

      const instance = scenario.start();

      expect(instance.called('closeDeal').effectsOf('EscalationUncaught')).toEqual([
        { type: 'EscalationUncaught', elementId: 'callDeal', escalationCode: 'LATE' },
      ]);
      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
    });

    it('given an escalation event subprocess in the parent, when the child escalates, then it starts there (the call activity is its thrower)', async () => {
      const parent = withEscalations(
        bpmnProcess(
          `
          <bpmn:startEvent id="start"/>
          <bpmn:callActivity id="closeDeal" calledElement="deal"/>
          <bpmn:endEvent id="e1"/>
          <bpmn:subProcess id="onLate" triggeredByEvent="true">
            <bpmn:startEvent id="lateStart" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:startEvent>
            <bpmn:userTask id="informManager"/>
            <bpmn:endEvent id="lateEnd"/>
            ${flow('s1', 'lateStart', 'informManager')}${flow('s2', 'informManager', 'lateEnd')}
          </bpmn:subProcess>
          ${flow('f1', 'start', 'closeDeal')}${flow('f2', 'closeDeal', 'e1')}`,
          'lead',
        ),
      );
      const scenario = await Scenario.deploy([parent, escalatingChild()]);

      const instance = scenario.start();

      expect(instance.openTasks().map((task) => task.elementId)).toEqual(['informManager']);
      expect(instance.called('closeDeal').status).toBe('active');
    });

    it('given a call that no longer waits, when an escalation of its child is reported, then the command is rejected', async () => {
      const scenario = await Scenario.deploy(lead());
      const instance = scenario.start();
      const callId = instance.lastOf('CalledProcessStarted', 'convert').callId;
      instance.send({ type: 'completeCalledProcess', callId, variables: {} });

      expect(() => instance.send({ type: 'escalateCalledProcess', callId, escalationCode: 'LATE' })).toThrow(CommandRejectedError);
      expect(() => instance.send({ type: 'escalateCalledProcess', callId: 'nope', escalationCode: 'LATE' })).toThrow(
        /No call activity waits for called process 'nope'/,
      );
      expect(() => instance.send({ type: 'escalateCalledProcess', callId, escalationCode: '' })).toThrow(/escalationCode must be a non-empty string/);
    });
  });

  it.each([
    ['', 'A call activity needs calledElement: the key (process id) of the process it starts'],
    ['calledElement=" "', 'A call activity needs calledElement: the key (process id) of the process it starts'],
    ['calledElement="= key"', "calledElement must be a process key, not an expression ('= key'): the engine checks the key at deploy"],
    ['calledElement="my process"', "calledElement 'my process' is not a process key (it contains whitespace)"],
  ])('given a call activity with %s, when deployed, then it is refused with its id', async (attribute, message) => {
    const xml = bpmnProcess(
      `<bpmn:startEvent id="s"/><bpmn:callActivity id="c" ${attribute}/><bpmn:endEvent id="e"/>${flow('f1', 's', 'c')}${flow('f2', 'c', 'e')}`,
    );

    const result = await compileBpmn(xml);

    expect(result).toEqual({ ok: false, problems: [{ elementId: 'c', message }], warnings: [] });
  });
});
