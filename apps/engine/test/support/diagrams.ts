// BPMN diagrams used by the API tests, written out in full so a reader sees what runs.

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** start -> exclusive gateway (score >= 50 -> user task "Call lead", else end) -> end. */
export function leadDiagram(key = 'lead', options: { candidateGroups?: string; assignee?: string; taskName?: string; formKey?: string } = {}): string {
  const groups = options.candidateGroups ?? 'sales';
  const assignee = options.assignee ? ` stageflow:assignee="${options.assignee}"` : '';
  // A form key must name a deployed form (or one deployed with the diagram): only given when the test deploys one.
  const formKey = options.formKey ? ` stageflow:formKey="${options.formKey}"` : '';
  return `${HEADER}
  <bpmn:process id="${key}" name="Lead qualification" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
    <bpmn:exclusiveGateway id="qualify" default="fLow" />
    <bpmn:sequenceFlow id="fHigh" sourceRef="qualify" targetRef="call">
      <bpmn:conditionExpression>= score &gt;= 50</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fLow" sourceRef="qualify" targetRef="rejected" />
    <bpmn:userTask id="call" name="${options.taskName ?? 'Call lead'}" stageflow:candidateGroups="${groups}"${assignee} stageflow:priority="= 7"${formKey} />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="done" />
    <bpmn:endEvent id="done" />
    <bpmn:endEvent id="rejected" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> user task -> end: the smallest process that waits. */
export function oneTaskDiagram(key: string, options: { candidateGroups?: string; assignee?: string } = {}): string {
  const groups = options.candidateGroups !== undefined ? ` stageflow:candidateGroups="${options.candidateGroups}"` : '';
  const assignee = options.assignee !== undefined ? ` stageflow:assignee="${options.assignee}"` : '';
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work"${groups}${assignee} />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** start -> parallel fork -> three user tasks -> parallel join -> end. */
export function parallelDiagram(key: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:sequenceFlow id="fa" sourceRef="fork" targetRef="a" />
    <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
    <bpmn:sequenceFlow id="fc" sourceRef="fork" targetRef="c" />
    <bpmn:userTask id="a" name="A" />
    <bpmn:userTask id="b" name="B" />
    <bpmn:userTask id="c" name="C" />
    <bpmn:sequenceFlow id="ja" sourceRef="a" targetRef="join" />
    <bpmn:sequenceFlow id="jb" sourceRef="b" targetRef="join" />
    <bpmn:sequenceFlow id="jc" sourceRef="c" targetRef="join" />
    <bpmn:parallelGateway id="join" />
    <bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** An exclusive gateway `gw` whose only condition is `condition` (-> end `yes`), default flow to end `no`. */
function conditionalGateway(condition: string): string {
  return `<bpmn:exclusiveGateway id="gw" default="fNo" />
    <bpmn:sequenceFlow id="fYes" sourceRef="gw" targetRef="yes">
      <bpmn:conditionExpression>${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fNo" sourceRef="gw" targetRef="no" />
    <bpmn:endEvent id="yes" />
    <bpmn:endEvent id="no" />`;
}

/** start -> exclusive gateway whose only condition is `condition` -> end (default: incident end). */
export function gatewayDiagram(key: string, condition: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
    ${conditionalGateway(condition)}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A user task whose completion leads to a gateway with `condition` (the hang happens on complete). */
export function taskThenGatewayDiagram(key: string, condition: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work" />
    <bpmn:sequenceFlow id="f1" sourceRef="work" targetRef="gw" />
    ${conditionalGateway(condition)}
  </bpmn:process>
</bpmn:definitions>`;
}

export function brokenDiagram(key: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="toNowhere" sourceRef="start" targetRef="missingTask" />
    <bpmn:exclusiveGateway id="deadEnd" />
    <bpmn:sequenceFlow id="intoDeadEnd" sourceRef="start" targetRef="deadEnd" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A process with an element the engine does not execute yet (a service task). */
export function unsupportedDiagram(key: string): string {
  return `${HEADER}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callApi" />
    <bpmn:serviceTask id="callApi" />
    <bpmn:sequenceFlow id="f2" sourceRef="callApi" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** An exclusive gateway condition that is not valid FEEL. */
export function invalidFeelDiagram(key: string): string {
  return gatewayDiagram(key, '= score &gt;&gt;= (');
}

/**
 * A diagram as another tool writes it: a shape left pointing at a deleted task, another vendor's
 * attribute on the user task, and a task no flow reaches — warnings, not problems.
 */
export function importedDiagram(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:stageflow="https://stageflow.dev/schema/bpmn" xmlns:acme="urn:acme:modeler" id="imported">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:userTask id="call" name="Call the lead" stageflow:candidateGroups="sales" acme:assignee="kim" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:manualTask id="orphan"/>
    <bpmn:sequenceFlow id="f3" sourceRef="orphan" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${key}">
      <bpmndi:BPMNShape id="Shape_call" bpmnElement="call"><dc:Bounds x="100" y="100" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Shape_gone" bpmnElement="Task_deleted"><dc:Bounds x="300" y="100" width="100" height="80" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
