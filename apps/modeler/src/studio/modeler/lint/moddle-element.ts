// Small readers of moddle elements for the lint rules: type tests that follow the BPMN type
// hierarchy, and where an element sits in the process the engine would execute.
import type { ModdleElement } from 'bpmn-moddle';
import { INERT_FLOW_ELEMENTS, type FlowNodeContext } from '@stageflow/bpmn-runtime';

/** True when the element is of the type or a subtype (`bpmn:UserTask` is a `bpmn:Activity`). */
export function isA(element: ModdleElement, type: string): boolean {
  const instanceOf = element.$instanceOf;
  return typeof instanceOf === 'function' ? (instanceOf as (t: string) => boolean).call(element, type) : element.$type === type;
}

export function text(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

export function reference(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return typeof value === 'object' && value !== null ? (value as ModdleElement) : undefined;
}

/** How a message names an element: its name, or its id when it has none. */
export function elementLabel(element: ModdleElement): string {
  const name = text(element, 'name')?.trim();
  return name || (element.id ?? element.$type);
}

/** The element type without its prefix (`bpmn:Task` -> `Task`), as messages name it. */
export function typeName(element: ModdleElement): string {
  return element.$type.replace(/^bpmn:/, '');
}

export function list(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/**
 * Where the engine meets this flow node when it compiles the diagram, or undefined when it never
 * does: sequence flows and data elements are no flow nodes; processes marked
 * isExecutable="false" are documentation; the content of a refused container (a transaction, an
 * ad-hoc subprocess) is not looked at once the container is refused.
 */
export function flowNodeContext(element: ModdleElement): FlowNodeContext | undefined {
  if (!isA(element, 'bpmn:FlowElement') || element.$type === 'bpmn:SequenceFlow' || INERT_FLOW_ELEMENTS.has(element.$type) || !element.id) return undefined;
  let inSubProcess = false;
  let inEventSubProcess = false;
  let container = element.$parent;
  for (let depth = 0; container; depth++) {
    if (container.$type === 'bpmn:Process') return container.isExecutable === false ? undefined : { inSubProcess, inEventSubProcess };
    if (container.$type !== 'bpmn:SubProcess') return undefined;
    inSubProcess = true;
    if (depth === 0) inEventSubProcess = container.triggeredByEvent === true;
    container = container.$parent;
  }
  return undefined;
}

/** The executed process the element belongs to (through subprocesses), or undefined. */
export function isInExecutedProcess(element: ModdleElement): boolean {
  for (let container = element.$parent; container; container = container.$parent) {
    if (container.$type === 'bpmn:Process') return container.isExecutable !== false;
  }
  return false;
}
