// Action templates and diagrams with service tasks for API tests.

export function actionTemplate(key: string, action: Record<string, unknown>): string {
  return JSON.stringify({ key, name: key, action });
}

/**
 * start -> service task `act` (stageflow:action = actionKey) -> user task `next` -> end; with
 * `catchCode`, an error boundary on `act` for that code leads to user task `handleError`.
 */
export function serviceTaskDiagram(key: string, actionKey: string, options: { catchCode?: string; task?: 'serviceTask' | 'sendTask' } = {}): string {
  const task = options.task ?? 'serviceTask';
  const boundary =
    options.catchCode === undefined
      ? ''
      : `<bpmn:boundaryEvent id="failed" attachedToRef="act"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="fe1" sourceRef="failed" targetRef="handleError" />
    <bpmn:userTask id="handleError" name="Handle error" />
    <bpmn:sequenceFlow id="fe2" sourceRef="handleError" targetRef="handled" />
    <bpmn:endEvent id="handled" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  ${options.catchCode === undefined ? '' : `<bpmn:error id="err" errorCode="${options.catchCode}" />`}
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="act" />
    <bpmn:${task} id="act" name="Act" stageflow:action="${actionKey}" />
    <bpmn:sequenceFlow id="f2" sourceRef="act" targetRef="next" />
    <bpmn:userTask id="next" name="Next" />
    <bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="done" />
    <bpmn:endEvent id="done" />
    ${boundary}
  </bpmn:process>
</bpmn:definitions>`;
}
