// The diagram in and out of the modeler: a new diagram's XML, the keys a deployment creates, and the
// .bpmn file a download saves.
import { STAGEFLOW_NAMESPACE } from '@stageflow/bpmn-runtime';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ModdleElement } from '../properties/panel-types';

/** An executable process with one start event, drawn, in the stageflow namespace. */
export function newDiagramXml(processId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:stageflow="${STAGEFLOW_NAMESPACE}" id="${processId}-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${processId}-diagram">
    <bpmndi:BPMNPlane id="${processId}-plane" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A process id for a new diagram: `process-` and a few random letters (ids are NCNames). */
export function newProcessId(random: () => number = Math.random): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `process-${Array.from({ length: 6 }, () => letters[Math.floor(random() * letters.length)]).join('')}`;
}

/** The ids of the executable processes of the diagram's definitions: the keys a deployment versions. */
export function executableProcessKeys(definitions: ModdleElement | undefined): string[] {
  const rootElements = definitions?.get('rootElements');
  if (!Array.isArray(rootElements)) return [];
  return (rootElements as ModdleElement[])
    .filter((element) => is(element, 'bpmn:Process') && element.get('isExecutable') === true && typeof element.id === 'string')
    .map((element) => element.id as string);
}

/** A file name ending in .bpmn (the engine deploys a resource by its extension). */
export function bpmnFileName(name: string): string {
  const base = name.replace(/\.(bpmn|xml)$/i, '').replace(/[^\w.-]+/g, '-') || 'diagram';
  return `${base}.bpmn`;
}

/** Starts the browser's download of the XML as a file. */
export function downloadXml(xml: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
