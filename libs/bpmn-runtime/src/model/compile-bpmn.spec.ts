import type { DefinitionProblem } from '../contract/definition.js';
import { bpmnProcess, BPMN_NS, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import type { CompiledProcess } from './process-graph.js';

async function problemsOf(xml: string): Promise<DefinitionProblem[]> {
  const result = await compileBpmn(xml);
  if (result.ok) throw new Error('expected the diagram to be refused');
  return result.problems;
}

async function compiled(xml: string): Promise<CompiledProcess[]> {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(`expected the diagram to compile: ${JSON.stringify(result.problems)}`);
  return result.processes as CompiledProcess[];
}

const simple = (middle = '<bpmn:userTask id="task"/>', flows = `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}`) =>
  bpmnProcess(`<bpmn:startEvent id="start"/>${middle}<bpmn:endEvent id="end"/>${flows}`);

describe('compileBpmn', () => {
  describe('given a valid diagram', () => {
    it('when compiled, then the graph holds nodes by id with type, scope and flows, and survives a JSON round trip', async () => {
      const [graph] = await compiled(
        bpmnProcess(
          `<bpmn:startEvent id="start"/>
           <bpmn:exclusiveGateway id="xor" default="low"><bpmn:outgoing>high</bpmn:outgoing><bpmn:outgoing>low</bpmn:outgoing></bpmn:exclusiveGateway>
           <bpmn:userTask id="task" name="Call" stageflow:assignee="= owner" stageflow:stage="Contact"/>
           <bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/><bpmn:endEvent id="subEnd"/>${flow('s1', 'subStart', 'subEnd')}</bpmn:subProcess>
           <bpmn:endEvent id="end"/>
           ${flow('f1', 'start', 'xor')}
           <bpmn:sequenceFlow id="low" sourceRef="xor" targetRef="sub"/>
           ${flow('high', 'xor', 'task', '= amount > 10')}
           ${flow('f3', 'task', 'end')}
           ${flow('f4', 'sub', 'end')}`,
          'lead',
          'isExecutable="true" name="Lead"',
        ),
      );

      expect(graph).toMatchObject({ id: 'lead', name: 'Lead', format: 'stageflow.graph/1' });
      expect(graph!.nodes.xor).toEqual({
        id: 'xor',
        type: 'bpmn:ExclusiveGateway',
        kind: 'exclusiveGateway',
        scope: 'lead',
        incoming: ['f1'],
        outgoing: ['high', 'low'],
        defaultFlow: 'low',
      });
      expect(graph!.nodes.task).toMatchObject({ name: 'Call', stage: 'Contact', userTask: { assignee: '= owner' } });
      expect(graph!.nodes.subStart).toMatchObject({ scope: 'sub' });
      expect(graph!.flows.high).toEqual({ id: 'high', source: 'xor', target: 'task', condition: '= amount > 10' });
      expect(graph!.scopes).toEqual({ lead: { id: 'lead', start: 'start' }, sub: { id: 'sub', parent: 'lead', start: 'subStart' } });
      expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
    });

    it('when it holds several processes, then each executable one becomes a graph keyed by its process id; non-executable ones are skipped', async () => {
      const process = (id: string, executable: boolean) =>
        `<bpmn:process id="${id}" isExecutable="${executable}"><bpmn:startEvent id="${id}_s"/><bpmn:endEvent id="${id}_e"/>${flow(`${id}_f`, `${id}_s`, `${id}_e`)}</bpmn:process>`;
      const xml = `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d">${process('lead', true)}${process('account', true)}${process('customer', false)}</bpmn:definitions>`;

      const result = await compileBpmn(xml);
      expect(result.ok && result.processes.map((graph) => graph.id)).toEqual(['lead', 'account']);
      expect(result.warnings).toEqual([
        { elementId: 'customer', message: 'Process \'customer\' is not executable (isExecutable="false"): kept as documentation, not deployed' },
      ]);
    });

    it('when an inclusive gateway joins, then the nodes that can still reach it are precomputed', async () => {
      const [graph] = await compiled(
        bpmnProcess(`<bpmn:startEvent id="start"/><bpmn:inclusiveGateway id="split"/><bpmn:userTask id="a"/><bpmn:userTask id="b"/>
          <bpmn:inclusiveGateway id="join"/><bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'split')}${flow('f2', 'split', 'a', '= x')}${flow('f3', 'split', 'b', '= y')}
          ${flow('f4', 'a', 'join')}${flow('f5', 'b', 'join')}${flow('f6', 'join', 'end')}`),
      );

      expect(graph!.nodes.join!.upstream).toEqual(['a', 'b', 'split', 'start']);
    });

    it('when it carries foreign extensions and data objects, then they are accepted without semantics, the extensions named in a warning', async () => {
      const result = await compileBpmn(
        simple(
          `<bpmn:userTask id="task" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" zeebe:modelerTemplate="x"><bpmn:extensionElements><zeebe:taskHeaders/></bpmn:extensionElements></bpmn:userTask><bpmn:dataObject id="data"/>`,
        ),
      );
      expect(result).toEqual({
        ok: true,
        processes: [expect.objectContaining({ id: 'p' })],
        warnings: [
          {
            elementId: 'task',
            message: "'task' carries another tool's extensions, which Stageflow does not read: <zeebe:modelerTemplate>, <zeebe:taskHeaders>",
          },
        ],
      });
    });

    it('when it is clean, then it has no warnings', async () => {
      expect(await compileBpmn(simple())).toMatchObject({ ok: true, warnings: [] });
    });
  });

  describe('given a broken document', () => {
    it('when the XML is malformed, then it is refused as malformed XML', async () => {
      expect(await problemsOf('<bpmn:definitions xmlns:bpmn="x"><bpmn:process')).toEqual([
        { message: expect.stringMatching(/^(Malformed XML|The document is not BPMN)/) },
      ]);
      expect(await problemsOf('<a><b></a>')).toEqual([{ message: expect.stringMatching(/^Malformed XML/) }]);
    });

    it('when it is empty or not XML at all, then it is refused', async () => {
      expect(await problemsOf('')).toEqual([{ message: expect.stringContaining('empty') }]);
      expect(await problemsOf('hello')).toEqual([{ message: expect.stringMatching(/^Malformed XML/) }]);
    });

    it('when it is XML but not BPMN, then it is refused as not BPMN', async () => {
      expect(await problemsOf('<html><body/></html>')).toEqual([{ message: expect.stringContaining('not BPMN 2.0') }]);
    });

    it('when it has no process, then it is refused', async () => {
      expect(await problemsOf(`<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d"/>`)).toEqual([{ message: 'The diagram contains no process' }]);
    });

    it('when every process is non-executable, then it is refused', async () => {
      const problems = await problemsOf(bpmnProcess('<bpmn:startEvent id="s"/>', 'p', 'isExecutable="false"'));
      expect(problems).toEqual([{ message: expect.stringContaining('no executable process') }]);
    });
  });

  describe('given what bpmn-moddle only warns about', () => {
    it('when two elements share an id, then the duplicate is refused (moddle would silently drop it)', async () => {
      const problems = await problemsOf(simple('<bpmn:userTask id="task"/><bpmn:userTask id="task"/>'));
      expect(problems).toContainEqual({ elementId: 'task', message: expect.stringContaining("Duplicate id 'task'") });
    });

    it('when an unknown element is in the BPMN namespace, then it is refused', async () => {
      const problems = await problemsOf(simple('<bpmn:userTask id="task"/><bpmn:magicTask id="magic"/>'));
      expect(problems).toContainEqual({ message: expect.stringContaining('unknown type <bpmn:MagicTask>') });
    });

    it('when an unknown attribute is in the stageflow namespace, then it is refused (a misspelt attribute would lose its meaning)', async () => {
      const result = await compileBpmn(simple('<bpmn:userTask id="task" bogus="3" bpmn:weird="1" stageflow:owner="x"/>'));
      expect(result).toMatchObject({ ok: false, problems: [{ elementId: 'task', message: 'Unknown attribute <stageflow:owner>' }] });
      expect(result.warnings).toEqual([
        { elementId: 'task', message: "Unknown attribute <bogus> on 'task': ignored, Stageflow does not read it" },
        { elementId: 'task', message: "Unknown attribute <bpmn:weird> on 'task': ignored, Stageflow does not read it" },
      ]);
    });

    it('when an unknown stageflow element is in extensionElements, then it is refused', async () => {
      const problems = await problemsOf(simple('<bpmn:userTask id="task"><bpmn:extensionElements><stageflow:magic/></bpmn:extensionElements></bpmn:userTask>'));
      expect(problems).toContainEqual({ message: expect.stringContaining('unknown type <stageflow:Magic>') });
    });

    it('when a reference points to an element that does not exist, then it is refused with the referring element', async () => {
      const problems = await problemsOf(simple(undefined, `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'nowhere')}`));
      expect(problems).toEqual(
        expect.arrayContaining([
          { elementId: 'f2', message: "'f2' refers to unknown element 'nowhere' (targetRef)" },
          { elementId: 'f2', message: "Sequence flow 'f2' has no (known) target" },
        ]),
      );
    });
  });

  describe('given a structural error', () => {
    it('when a sequence flow has no source or target attribute, then it is refused', async () => {
      const problems = await problemsOf(simple(undefined, `${flow('f1', 'start', 'task')}<bpmn:sequenceFlow id="f2" sourceRef="task"/>`));
      expect(problems).toContainEqual({ elementId: 'f2', message: "Sequence flow 'f2' has no (known) target" });
    });

    it('when the only outgoing flow of an element leads nowhere, then the flow is the problem, not a missing outgoing flow', async () => {
      const problems = await problemsOf(simple(undefined, `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'nowhere')}`));
      expect(problems).toContainEqual({ elementId: 'f2', message: "Sequence flow 'f2' has no (known) target" });
      expect(problems.filter((problem) => problem.elementId === 'task')).toEqual([]);
    });

    it('when a gateway has no outgoing flow, then it is refused', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:userTask id="task"/><bpmn:exclusiveGateway id="gw"/>',
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}${flow('f3', 'start', 'gw')}`,
        ),
      );
      expect(problems).toEqual([{ elementId: 'gw', message: "Gateway 'gw' has no outgoing sequence flow" }]);
    });

    it('when a task has no outgoing flow, then it is refused (no implicit end)', async () => {
      const problems = await problemsOf(simple(undefined, flow('f1', 'start', 'task')));
      expect(problems).toContainEqual({ elementId: 'task', message: "Element 'task' has no outgoing sequence flow" });
    });

    it('when an element cannot be reached from the start event, then it is deployed with a warning (it never runs)', async () => {
      const result = await compileBpmn(
        simple(
          '<bpmn:userTask id="task"/><bpmn:userTask id="orphan"/>',
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}${flow('f3', 'orphan', 'end')}`,
        ),
      );
      expect(result).toMatchObject({
        ok: true,
        warnings: [{ elementId: 'orphan', message: "'orphan' is not reachable from the start event of process 'p': it never runs" }],
      });
    });

    it('when a parallel join waits for a flow from an unreachable element, then it is refused (the join would wait forever)', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:userTask id="task"/><bpmn:userTask id="orphan"/><bpmn:parallelGateway id="join"/>',
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'join')}${flow('f3', 'orphan', 'join')}${flow('f4', 'join', 'end')}`,
        ),
      );
      expect(problems).toEqual([
        { elementId: 'join', message: "Parallel gateway 'join' waits for flow 'f3' from 'orphan', which is never reached: the join would wait forever" },
      ]);
    });

    it('when an exclusive gateway merges a flow from an unreachable element, then it is deployed with the warning only', async () => {
      const result = await compileBpmn(
        simple(
          '<bpmn:userTask id="task"/><bpmn:userTask id="orphan"/><bpmn:exclusiveGateway id="merge"/>',
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'merge')}${flow('f3', 'orphan', 'merge')}${flow('f4', 'merge', 'end')}`,
        ),
      );
      expect(result).toMatchObject({ ok: true, warnings: [{ elementId: 'orphan' }] });
    });

    it('when there is no start event, or two, then it is refused', async () => {
      expect(await problemsOf(bpmnProcess(`<bpmn:userTask id="t"/><bpmn:endEvent id="e"/>${flow('f', 't', 'e')}`))).toContainEqual({
        elementId: 'p',
        message: "Process 'p' has no start event",
      });
      expect(
        await problemsOf(
          bpmnProcess(`<bpmn:startEvent id="s1"/><bpmn:startEvent id="s2"/><bpmn:endEvent id="e"/>${flow('f1', 's1', 'e')}${flow('f2', 's2', 'e')}`),
        ),
      ).toContainEqual({
        elementId: 'p',
        message: "Process 'p' has 2 none start events; only one is supported",
      });
    });

    it('when an element has no id, then it is refused', async () => {
      const problems = await problemsOf(simple('<bpmn:userTask id="task"/><bpmn:manualTask/>'));
      expect(problems).toContainEqual({ message: "A bpmn:ManualTask in 'p' has no id" });
    });

    it('when a flow leaves a subprocess boundary, then it is refused', async () => {
      const problems = await problemsOf(
        simple(
          `<bpmn:userTask id="task"/><bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:endEvent id="se"/>${flow('s1', 'ss', 'se')}${flow('out', 'ss', 'end')}</bpmn:subProcess>`,
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'sub')}${flow('f3', 'sub', 'end')}`,
        ),
      );
      expect(problems).toContainEqual({ elementId: 'out', message: "Sequence flow 'out' crosses a subprocess boundary ('ss' -> 'end')" });
    });

    it('when a condition sits on a flow that does not leave an exclusive or inclusive gateway, then it is refused', async () => {
      const problems = await problemsOf(simple(undefined, `${flow('f1', 'start', 'task', '= true')}${flow('f2', 'task', 'end')}`));
      expect(problems).toEqual([
        { elementId: 'f1', message: expect.stringContaining('Conditions are only supported on flows leaving exclusive or inclusive gateways') },
      ]);
    });

    it('when a default flow leads to a refused element, then only the element is the problem, not the default', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:userTask id="task"/><bpmn:exclusiveGateway id="gw" default="f3"/><bpmn:scriptTask id="script"/>',
          `${flow('f1', 'start', 'gw')}${flow('f2', 'gw', 'task', '= x')}${flow('f3', 'gw', 'script')}${flow('f4', 'task', 'end')}${flow('f5', 'script', 'end')}`,
        ),
      );
      expect(problems).toEqual([{ elementId: 'script', message: expect.stringContaining('bpmn:ScriptTask is not supported') }]);
    });

    it('when a default flow is not an outgoing flow of its gateway, then it is refused', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:userTask id="task"/><bpmn:exclusiveGateway id="gw" default="f1"/>',
          `${flow('f1', 'start', 'gw')}${flow('f2', 'gw', 'task')}${flow('f3', 'task', 'end')}`,
        ),
      );
      expect(problems).toEqual([{ elementId: 'gw', message: "The default flow 'f1' is not an outgoing flow of 'gw'" }]);
    });
  });

  describe('given FEEL', () => {
    it('when a condition is not valid FEEL, then it is refused with the flow id', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:userTask id="task"/><bpmn:exclusiveGateway id="gw"/>',
          `${flow('f1', 'start', 'gw')}${flow('f2', 'gw', 'task', '= amount >')}${flow('f3', 'task', 'end')}`,
        ),
      );
      expect(problems).toEqual([{ elementId: 'f2', message: expect.stringContaining('Invalid FEEL condition') }]);
    });

    it('when a mapping or a task attribute is not valid FEEL, then each is refused with the element id', async () => {
      const problems = await problemsOf(
        simple(`<bpmn:userTask id="task" stageflow:assignee="= (owner" stageflow:dueDate="= ]">
          <bpmn:extensionElements><stageflow:ioMapping><stageflow:input source="= 1 +" target="x"/><stageflow:output source="= if then" target="y"/></stageflow:ioMapping></bpmn:extensionElements>
        </bpmn:userTask>`),
      );
      expect(problems.map((p) => [p.elementId, p.message.split(':')[0]])).toEqual([
        ['task', 'stageflow'],
        ['task', 'stageflow'],
        ['task', 'stageflow'],
        ['task', 'stageflow'],
      ]);
      expect(problems.every((p) => p.message.includes('invalid FEEL'))).toBe(true);
    });

    it('when a message correlation key is not valid FEEL, then it is refused', async () => {
      const xml = simple().replace('<bpmn:process', `<bpmn:message id="m" name="paid" stageflow:correlationKey="= order id +"/><bpmn:process`);
      expect(await problemsOf(xml)).toEqual([{ elementId: 'm', message: expect.stringContaining('stageflow:correlationKey: invalid FEEL') }]);
    });

    it('when a literal priority or due date is malformed, then it is refused', async () => {
      const problems = await problemsOf(simple('<bpmn:userTask id="task" stageflow:priority="high" stageflow:dueDate="tomorrow"/>'));
      expect(problems).toHaveLength(2);
      expect(problems).toEqual(
        expect.arrayContaining([
          { elementId: 'task', message: "stageflow:priority must be an integer or a FEEL expression, got 'high'" },
          { elementId: 'task', message: expect.stringContaining('stageflow:dueDate must be an ISO 8601 date-time or duration') },
        ]),
      );
    });
  });

  describe('given an element Stageflow does not execute', () => {
    it.each([
      ['<bpmn:serviceTask id="x"/>', 'A service task needs stageflow:action: the key of the action template it runs'],
      [
        '<bpmn:serviceTask id="x" stageflow:action="= mailKey"/>',
        expect.stringContaining('stageflow:action must be an action-template key, not an expression'),
      ],
      ['<bpmn:sendTask id="x" stageflow:action="bad key!"/>', expect.stringContaining("stageflow:action 'bad key!' is not an action-template key")],
      ['<bpmn:sendTask id="x"/>', expect.stringContaining('a send task without stageflow:action needs a messageRef')],
      ['<bpmn:businessRuleTask id="x"/>', expect.stringContaining('A business-rule task needs stageflow:ruleSet')],
      ['<bpmn:receiveTask id="x"/>', 'a receive task needs a messageRef'],
      ['<bpmn:scriptTask id="x"/>', expect.stringContaining('bpmn:ScriptTask is not supported')],
      ['<bpmn:eventBasedGateway id="x" instantiate="true"/>', expect.stringContaining('an instantiating event-based gateway is not supported')],
      ['<bpmn:complexGateway id="x"/>', 'bpmn:ComplexGateway is not supported'],
      ['<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>', 'conditional events are not supported'],
      ['<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition/></bpmn:intermediateCatchEvent>', 'link events are not supported'],
      ['<bpmn:intermediateThrowEvent id="x"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>', 'compensation events are not supported'],
      ['<bpmn:endEvent id="x"><bpmn:cancelEventDefinition/></bpmn:endEvent>', 'cancel events are not supported'],
      ['<bpmn:intermediateCatchEvent id="x"/>', expect.stringContaining('an intermediate catch event needs a timer, message or signal event definition')],
      ['<bpmn:intermediateCatchEvent id="x"><bpmn:errorEventDefinition/></bpmn:intermediateCatchEvent>', 'error events cannot be used as catch events'],
      [
        '<bpmn:intermediateThrowEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateThrowEvent>',
        'timer events cannot be used as throw events',
      ],
      ['<bpmn:intermediateThrowEvent id="x"><bpmn:signalEventDefinition/></bpmn:intermediateThrowEvent>', 'a signal event needs a signalRef to a bpmn:signal'],
      ['<bpmn:endEvent id="x"><bpmn:errorEventDefinition/></bpmn:endEvent>', 'an error end event needs an errorRef to a bpmn:error with an errorCode'],
      ['<bpmn:endEvent id="x"><bpmn:messageEventDefinition/></bpmn:endEvent>', 'a message event needs a messageRef to a bpmn:message'],
      [
        '<bpmn:endEvent id="x"><bpmn:escalationEventDefinition/></bpmn:endEvent>',
        expect.stringContaining('needs an escalationRef to a bpmn:escalation with an escalationCode'),
      ],
      [
        '<bpmn:endEvent id="x"><bpmn:signalEventDefinition/><bpmn:messageEventDefinition/></bpmn:endEvent>',
        expect.stringContaining('several event definitions'),
      ],
      ['<bpmn:transaction id="x"/>', 'bpmn:Transaction is not supported'],
      ['<bpmn:adHocSubProcess id="x"/>', 'bpmn:AdHocSubProcess is not supported'],
      ['<bpmn:subProcess id="x" triggeredByEvent="true"/>', "Event subprocess 'x' must not have incoming or outgoing sequence flows"],
      [
        '<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>',
        expect.stringContaining('bpmn:loopCardinality is not supported'),
      ],
      ['<bpmn:userTask id="x"><bpmn:standardLoopCharacteristics/></bpmn:userTask>', expect.stringContaining('standard loops are not supported')],
      [
        '<bpmn:exclusiveGateway id="x" stageflow:async="true"/>',
        'stageflow:async is only supported on activities (tasks, subprocesses, call activities), not on bpmn:ExclusiveGateway',
      ],
    ])('when the diagram contains %s, then it is refused with the element id and a reason', async (element, message) => {
      const problems = await problemsOf(
        simple(
          `<bpmn:userTask id="task"/>${element}`,
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}${flow('f3', 'task', 'x')}${flow('f4', 'x', 'end')}`,
        ),
      );
      expect(problems).toContainEqual({ elementId: 'x', message });
    });

    it('when a timer start event or a boundary timer has no time, then they are refused with their ids', async () => {
      const problems = await problemsOf(
        bpmnProcess(`<bpmn:startEvent id="start"><bpmn:timerEventDefinition/></bpmn:startEvent><bpmn:userTask id="task"/>
          <bpmn:boundaryEvent id="b" attachedToRef="task"><bpmn:timerEventDefinition/></bpmn:boundaryEvent><bpmn:endEvent id="end"/>
          ${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}${flow('f3', 'b', 'end')}`),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          { elementId: 'start', message: 'a timer event needs exactly one of timeDate, timeDuration or timeCycle' },
          { elementId: 'b', message: 'a timer event needs exactly one of timeDate, timeDuration or timeCycle' },
        ]),
      );
    });

    it('when an io mapping is on an event, then it is refused', async () => {
      const problems = await problemsOf(
        simple('<bpmn:userTask id="task"/>').replace(
          '<bpmn:startEvent id="start"/>',
          '<bpmn:startEvent id="start"><bpmn:extensionElements><stageflow:ioMapping><stageflow:output source="= 1" target="x"/></stageflow:ioMapping></bpmn:extensionElements></bpmn:startEvent>',
        ),
      );
      expect(problems).toEqual([{ elementId: 'start', message: 'stageflow:ioMapping is only supported on activities, not on bpmn:StartEvent' }]);
    });

    it('when there are several problems, then all of them are returned at once', async () => {
      const problems = await problemsOf(
        simple(
          '<bpmn:serviceTask id="task"/><bpmn:userTask id="t2" stageflow:priority="= (("/><bpmn:exclusiveGateway id="gw"/>',
          `${flow('f1', 'start', 'task')}${flow('f2', 'task', 'end')}${flow('f3', 'start', 't2')}${flow('f4', 't2', 'gw')}`,
        ),
      );
      expect(problems.map((p) => p.elementId).sort()).toEqual(['gw', 't2', 'task']);
    });
  });
});
