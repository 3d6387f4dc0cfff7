// What bpmn-moddle reports while reading a document, sorted into what refuses a deployment
// (it would change what runs) and what is only a warning (diagrams from other tools: their
// diagram interchange, documentation and extensions do not change execution).
//
// bpmn-moddle drops what it cannot read: an element it does not know (with its subtree), an
// element with an illegal or duplicate id, a reference to an id the document does not hold.
// Dropping a shape, a label style or a vendor's element changes nothing the engine runs;
// dropping an event definition, a condition or a default flow changes the process silently —
// so those stay errors.
import type { ModdleElement, ModdleWarning } from 'bpmn-moddle';
import type { DefinitionProblem } from '../contract/definition.js';

export type ModdleFinding = { severity: 'error' | 'warning'; problem: DefinitionProblem };

/** Namespaces (as bpmn-moddle prefixes them) whose elements carry process semantics. */
const SEMANTIC_PREFIXES: ReadonlySet<string> = new Set(['bpmn', 'stageflow']);
/** Diagram interchange: how the diagram is drawn, never what runs. */
const DIAGRAM_PREFIXES: ReadonlySet<string> = new Set(['bpmndi', 'dc', 'di']);

/**
 * References the compiler reads to build the executable graph (by referring type, `*` = any):
 * when the target is missing, bpmn-moddle drops the reference and the process would run differently.
 */
const EXECUTION_REFERENCES: Readonly<Record<string, ReadonlySet<string>>> = {
  'bpmn:sourceRef': new Set(['bpmn:SequenceFlow']),
  'bpmn:targetRef': new Set(['bpmn:SequenceFlow']),
  'bpmn:default': new Set(['*']),
  'bpmn:attachedToRef': new Set(['*']),
  'bpmn:messageRef': new Set(['bpmn:MessageEventDefinition', 'bpmn:ReceiveTask', 'bpmn:SendTask']),
  'bpmn:signalRef': new Set(['*']),
  'bpmn:errorRef': new Set(['*']),
  'bpmn:escalationRef': new Set(['*']),
};

export function sortModdleWarning(warning: ModdleWarning): ModdleFinding {
  const message = warning.message;
  const unresolved = /unresolved reference <([^>]*)>/.exec(message);
  if (unresolved) return unresolvedReference(warning, unresolved[1]!);
  const attribute = /unknown attribute <([^>]*)>/.exec(message);
  if (attribute) return unknownAttribute(warning.element, attribute[1]!);
  const encoding = /unsupported document encoding <([^>]*)>/.exec(message);
  if (encoding) {
    return warningOf(undefined, `The document declares the encoding ${encoding[1]}; it is read as the text it was sent as`);
  }
  const nested = /nested error: (.*)$/m.exec(message);
  if (nested) return unparsableContent(message, nested[1]!);
  return errorOf(idOf(warning.element), capitalize(oneLine(message)));
}

function unresolvedReference(warning: ModdleWarning, target: string): ModdleFinding {
  const element = warning.element;
  const property = warning.property ?? '';
  const elementId = idOf(element);
  const where = elementId ? `'${elementId}'` : 'An element';
  const short = property.replace(/^bpmn:/, '');
  if (property === 'bpmndi:bpmnElement') {
    // Its own id only: a shape without one is not its plane.
    const shapeId = typeof element?.id === 'string' && element.id !== '' ? element.id : undefined;
    const shape = shapeId ? `Diagram shape '${shapeId}'` : 'A diagram shape';
    return warningOf(shapeId, `${shape} points at '${target}', which the document does not contain: the shape is not drawn`);
  }
  if (property === 'bpmndi:labelStyle') {
    const label = elementId ? `The label of '${elementId}'` : 'A label';
    return warningOf(elementId, `${label} uses the style '${target}', which the document does not define: the default style is used`);
  }
  const referrers = EXECUTION_REFERENCES[property];
  const readByCompiler = referrers !== undefined && (referrers.has('*') || (element !== undefined && referrers.has(element.$type)));
  if (readByCompiler && !inDocumentationOnly(element)) return errorOf(elementId, `${where} refers to unknown element '${target}' (${short})`);
  return warningOf(elementId, `${where} refers to unknown element '${target}' (${short}); ignored, it does not change what runs`);
}

function unknownAttribute(element: ModdleElement | undefined, name: string): ModdleFinding {
  const elementId = idOf(element);
  // A misspelt stageflow attribute would silently lose its meaning (an assignee, a due date).
  if (name.startsWith('stageflow:') && !inDocumentationOnly(element)) return errorOf(elementId, `Unknown attribute <${name}>`);
  const on = elementId ? ` on '${elementId}'` : '';
  return warningOf(elementId, `Unknown attribute <${name}>${on}: ignored, Stageflow does not read it`);
}

/** An element bpmn-moddle dropped while reading (it gives no element, only the line and the reason). */
function unparsableContent(message: string, reason: string): ModdleFinding {
  const line = /line: (\d+)/.exec(message)?.[1];
  const at = line ? ` (line ${line})` : '';
  // "unrecognized element": a known element where it does not belong, or another namespace's where
  // BPMN allows no extension; "unknown type": an element (or xsi:type) of a known namespace it lacks.
  const unreadable = /(unrecognized element|unknown type) <([^>]*)>/.exec(reason);
  if (unreadable) {
    const name = unreadable[2]!;
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
    if (name === 'bpmn:documentation') return warningOf(undefined, `Documentation in a place BPMN does not allow${at}: ignored`);
    if (DIAGRAM_PREFIXES.has(prefix)) return warningOf(undefined, `Diagram element <${name}>${at} cannot be read: ignored, it is only drawn`);
    // A foreign xsi:type replaces a BPMN element (a condition) that would then be dropped: an error.
    if (unreadable[1] === 'unrecognized element' && !SEMANTIC_PREFIXES.has(prefix)) {
      return warningOf(undefined, `Element <${name}>${at} is not BPMN (another tool's extension, or markup in documentation): ignored`);
    }
  }
  const duplicate = /duplicate ID <([^>]*)>/.exec(reason);
  if (duplicate) return errorOf(duplicate[1], `Duplicate id '${duplicate[1]}': the second element with this id would be dropped`);
  const dropped = /^unparsable content (<[^>]*>)?/.exec(message)?.[1] ?? 'An element';
  return errorOf(undefined, `${dropped}${at} cannot be read (${reason}): it would be dropped, which changes the process`);
}

/** Inside a process marked isExecutable="false": documentation, never deployed. */
function inDocumentationOnly(element: ModdleElement | undefined): boolean {
  for (let current = element; current; current = current.$parent) {
    if (current.$type === 'bpmn:Process') return current.isExecutable === false;
  }
  return false;
}

/** The element's id, else its nearest ancestor's (a BPMNLabel has none, its shape has). */
function idOf(element: ModdleElement | undefined): string | undefined {
  for (let current = element; current; current = current.$parent) {
    if (typeof current.id === 'string' && current.id !== '') return current.id;
  }
  return undefined;
}

function errorOf(elementId: string | undefined, message: string): ModdleFinding {
  return { severity: 'error', problem: elementId ? { elementId, message } : { message } };
}

function warningOf(elementId: string | undefined, message: string): ModdleFinding {
  return { severity: 'warning', problem: elementId ? { elementId, message } : { message } };
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
