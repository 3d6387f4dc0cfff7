// Helpers to write small diagrams in specs without repeating the BPMN envelope.
export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Wraps flow elements into <definitions><process id=...>. */
export function bpmnProcess(body: string, processId = 'p', attributes = 'isExecutable="true"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${processId}" ${attributes}>
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A sequence flow, optionally with a FEEL condition. */
export function flow(id: string, source: string, target: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`;
  const escaped = condition.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escaped}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}
