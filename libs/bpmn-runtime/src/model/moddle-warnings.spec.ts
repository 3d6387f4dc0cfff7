// Diagrams from other tools: what bpmn-moddle drops or cannot resolve is a warning when it does not
// change what runs, and refuses the diagram when it does. Each fixture is a small diagram written
// for the case (after the kinds of files in the BPMN MIWG test suite), compiled for real.
import type { CompileResult } from '../contract/definition.js';
import { BPMN_NS, flow } from '../testing/bpmn-fixtures.js';
import { compileBpmn } from './compile-bpmn.js';
import type { CompiledProcess } from './process-graph.js';

const NAMESPACES = [
  `xmlns:bpmn="${BPMN_NS}"`,
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:stageflow="https://stageflow.dev/schema/bpmn"',
  'xmlns:acme="urn:acme:modeler"',
].join(' ');

/** start -> task -> end in an executable process, with `task` and what follows the process replaceable. */
function diagram({ task = '<bpmn:userTask id="task"/>', more = '', after = '', declaration = '<?xml version="1.0" encoding="UTF-8"?>' } = {}): string {
  return `${declaration}
<bpmn:definitions ${NAMESPACES} id="defs">
  <bpmn:process id="lead" isExecutable="true">
    <bpmn:startEvent id="start"/>
    ${task}
    <bpmn:endEvent id="end"/>
    ${flow('f1', 'start', 'task')}
    ${flow('f2', 'task', 'end')}
    ${more}
  </bpmn:process>
  ${after}
</bpmn:definitions>`;
}

/** A diagram interchange section around the given shapes. */
function drawn(shapes: string): string {
  return `<bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="lead">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
}

const bounds = '<dc:Bounds x="10" y="10" width="100" height="80"/>';

async function deployedWith(xml: string): Promise<CompileResult['warnings']> {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(`expected the diagram to compile: ${JSON.stringify(result.problems)}`);
  return result.warnings;
}

async function refused(xml: string): Promise<Extract<CompileResult, { ok: false }>> {
  const result = await compileBpmn(xml);
  if (result.ok) throw new Error(`expected the diagram to be refused, it compiled with warnings ${JSON.stringify(result.warnings)}`);
  return result;
}

describe('diagrams from other tools', () => {
  describe('given diagram interchange that does not match the model', () => {
    it('when a shape points at an element the document does not contain, then it deploys with a warning naming the shape', async () => {
      const xml = diagram({
        after: drawn(
          `<bpmndi:BPMNShape id="Shape_task" bpmnElement="task">${bounds}</bpmndi:BPMNShape><bpmndi:BPMNShape id="Shape_gone" bpmnElement="Task_deleted">${bounds}</bpmndi:BPMNShape>`,
        ),
      });

      expect(await deployedWith(xml)).toEqual([
        {
          elementId: 'Shape_gone',
          message: "Diagram shape 'Shape_gone' points at 'Task_deleted', which the document does not contain: the shape is not drawn",
        },
      ]);
    });

    it('when an edge without an id points at a missing flow, then the warning says so without borrowing its plane id', async () => {
      const xml = diagram({ after: drawn(`<bpmndi:BPMNEdge bpmnElement="Flow_gone"><di:waypoint x="1" y="1"/></bpmndi:BPMNEdge>`) });

      expect(await deployedWith(xml)).toEqual([
        { message: "A diagram shape points at 'Flow_gone', which the document does not contain: the shape is not drawn" },
      ]);
    });

    it('when a label uses a style the document does not define, then it deploys with a warning naming the shape', async () => {
      const xml = diagram({
        after: drawn(`<bpmndi:BPMNShape id="Shape_task" bpmnElement="task">${bounds}<bpmndi:BPMNLabel labelStyle="Style_9"/></bpmndi:BPMNShape>`),
      });

      expect(await deployedWith(xml)).toEqual([
        {
          elementId: 'Shape_task',
          message: "The label of 'Shape_task' uses the style 'Style_9', which the document does not define: the default style is used",
        },
      ]);
    });

    it('when a shape holds a diagram element bpmn-moddle does not know, then it deploys with a warning (it is only drawn)', async () => {
      const xml = diagram({ after: drawn(`<bpmndi:BPMNShape id="Shape_task" bpmnElement="task">${bounds}<bpmndi:BPMNLable/></bpmndi:BPMNShape>`) });

      expect(await deployedWith(xml)).toEqual([
        { message: expect.stringMatching(/^Diagram element <bpmndi:BPMNLable> \(line \d+\) cannot be read: ignored, it is only drawn$/) },
      ]);
    });

    it('when a shape holds a vendor element BPMN does not allow there, then it deploys with a warning giving the line', async () => {
      const xml = diagram({ after: drawn(`<bpmndi:BPMNShape id="Shape_task" bpmnElement="task">${bounds}\n<acme:expandedBounds x="1"/></bpmndi:BPMNShape>`) });

      expect(await deployedWith(xml)).toEqual([
        {
          message: expect.stringMatching(
            /^Element <acme:expandedBounds> \(line \d+\) is not BPMN \(another tool's extension, or markup in documentation\): ignored$/,
          ),
        },
      ]);
    });
  });

  describe('given documentation and extensions in odd places', () => {
    it('when documentation sits inside a diagram shape, then it deploys with a warning', async () => {
      const xml = diagram({
        after: drawn(`<bpmndi:BPMNShape id="Shape_task" bpmnElement="task"><bpmn:documentation>Drawn by hand</bpmn:documentation>${bounds}</bpmndi:BPMNShape>`),
      });

      expect(await deployedWith(xml)).toEqual([{ message: expect.stringMatching(/^Documentation in a place BPMN does not allow \(line \d+\): ignored$/) }]);
    });

    it('when documentation holds markup of another namespace, then it deploys with a warning and the task keeps its meaning', async () => {
      const result = await compileBpmn(
        diagram({
          task: '<bpmn:userTask id="task" stageflow:candidateGroups="sales"><bpmn:documentation><acme:richText>Call <acme:b>today</acme:b></acme:richText></bpmn:documentation></bpmn:userTask>',
        }),
      );

      expect(result).toMatchObject({ ok: true, warnings: [{ message: expect.stringContaining('Element <acme:richText>') }] });
      expect(result.ok && (result.processes[0] as unknown as CompiledProcess).nodes.task!.userTask).toEqual({ candidateGroups: 'sales' });
    });

    it('when an element carries another tool’s attributes and extension elements, then one warning per element lists them', async () => {
      const xml = diagram({
        task: '<bpmn:userTask id="task" acme:assignee="kim" acme:color="red"><bpmn:extensionElements><acme:form key="f"/><stageflow:ioMapping/></bpmn:extensionElements></bpmn:userTask>',
      });

      expect(await deployedWith(xml)).toEqual([
        { elementId: 'task', message: "'task' carries another tool's extensions, which Stageflow does not read: <acme:assignee>, <acme:color>, <acme:form>" },
      ]);
    });

    it('when the document declares an encoding other than UTF-8, then it deploys with a warning (the text arrives decoded)', async () => {
      const xml = diagram({ declaration: '<?xml version="1.0" encoding="windows-1252"?>' });

      expect(await deployedWith(xml)).toEqual([{ message: 'The document declares the encoding windows-1252; it is read as the text it was sent as' }]);
    });

    it('when an unknown attribute is in the BPMN namespace, then it deploys with a warning; in the stageflow namespace it is refused', async () => {
      expect(await deployedWith(diagram({ task: '<bpmn:userTask id="task" color="red"/>' }))).toEqual([
        { elementId: 'task', message: "Unknown attribute <color> on 'task': ignored, Stageflow does not read it" },
      ]);
      expect((await refused(diagram({ task: '<bpmn:userTask id="task" stageflow:asignee="kim"/>' }))).problems).toEqual([
        { elementId: 'task', message: 'Unknown attribute <stageflow:asignee>' },
      ]);
    });
  });

  describe('given references to elements the document does not hold', () => {
    it('when they are read by nothing that runs (a pool, a message flow, a data store), then it deploys with warnings', async () => {
      const xml = diagram({
        more: '<bpmn:dataStoreReference id="store" dataStoreRef="Store_gone"/>',
        after: `<bpmn:collaboration id="collab"><bpmn:participant id="pool" processRef="lead"/><bpmn:participant id="partner" processRef="Process_gone"/>
                <bpmn:messageFlow id="mf" sourceRef="pool" targetRef="Partner_gone"/></bpmn:collaboration>`,
      });

      expect(await deployedWith(xml)).toEqual([
        { elementId: 'store', message: "'store' refers to unknown element 'Store_gone' (dataStoreRef); ignored, it does not change what runs" },
        { elementId: 'partner', message: "'partner' refers to unknown element 'Process_gone' (processRef); ignored, it does not change what runs" },
        { elementId: 'mf', message: "'mf' refers to unknown element 'Partner_gone' (targetRef); ignored, it does not change what runs" },
      ]);
    });

    it('when a task lists an outgoing flow that does not exist, then it deploys with a warning (the flows themselves say where they go)', async () => {
      const xml = diagram({ task: '<bpmn:userTask id="task"><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>Flow_gone</bpmn:outgoing></bpmn:userTask>' });

      expect(await deployedWith(xml)).toEqual([
        { elementId: 'task', message: "'task' refers to unknown element 'Flow_gone' (outgoing); ignored, it does not change what runs" },
      ]);
    });

    it('when a gateway names a default flow that does not exist, then it is refused (the gateway would lose its default)', async () => {
      const xml = diagram({
        task: '<bpmn:exclusiveGateway id="task" default="Flow_gone"/>',
      });

      expect((await refused(xml)).problems).toEqual([{ elementId: 'task', message: "'task' refers to unknown element 'Flow_gone' (default)" }]);
    });

    it('when the same broken default sits in a non-executable pool, then it is only a warning', async () => {
      const xml = diagram({
        after: `<bpmn:process id="partner" isExecutable="false"><bpmn:exclusiveGateway id="partnerGateway" default="Flow_gone"/></bpmn:process>`,
      });

      expect(await deployedWith(xml)).toEqual([
        { elementId: 'partnerGateway', message: "'partnerGateway' refers to unknown element 'Flow_gone' (default); ignored, it does not change what runs" },
        { elementId: 'partner', message: 'Process \'partner\' is not executable (isExecutable="false"): kept as documentation, not deployed' },
      ]);
    });

    it('when a message event names a message that does not exist, then it is refused', async () => {
      const xml = diagram({
        task: '<bpmn:intermediateCatchEvent id="task"><bpmn:messageEventDefinition id="md" messageRef="Message_gone"/></bpmn:intermediateCatchEvent>',
      });

      expect((await refused(xml)).problems).toContainEqual({ elementId: 'md', message: "'md' refers to unknown element 'Message_gone' (messageRef)" });
    });
  });

  describe('given BPMN content bpmn-moddle has to drop', () => {
    it('when an event definition has an id that is no XML name, then it is refused (the timer would silently become a none event)', async () => {
      const xml = diagram({
        task: '<bpmn:intermediateCatchEvent id="task"><bpmn:timerEventDefinition id="timer 7 days"><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      });

      expect((await refused(xml)).problems).toContainEqual({
        message: expect.stringMatching(
          /^<bpmn:timerEventDefinition> \(line \d+\) cannot be read \(illegal ID <timer 7 days>\): it would be dropped, which changes the process$/,
        ),
      });
    });

    it('when a condition has an expression type bpmn-moddle does not know, then it is refused (the flow would lose its condition)', async () => {
      const xml = diagram({
        task: '<bpmn:exclusiveGateway id="task" default="f2"/>',
        more: `<bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="end"><bpmn:conditionExpression xsi:type="acme:tScript">amount &gt; 10</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      });

      expect((await refused(xml)).problems).toContainEqual({ message: expect.stringContaining('cannot be read (unknown type <acme:tScript>)') });
    });
  });
});
