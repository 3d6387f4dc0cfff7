// Other tools' extensions on an element: attributes in a namespace Stageflow does not know
// (camunda:assignee, signavio:...) and extension elements that are not ours. bpmn-moddle keeps
// them without meaning; Stageflow reads none of them, so the analyst is told which ones a
// diagram from another tool carries (a camunda:assignee is no stageflow:assignee).
import type { ModdleElement } from 'bpmn-moddle';

/** XML machinery, not extensions: namespace declarations and xsi:type / schemaLocation. */
const XML_ATTRIBUTE = /^(xmlns(:|$)|xsi:)/;
/**
 * Namespaces bpmn-moddle knows (BPMN, diagram interchange, bpmn.io colours, ours): an attribute of
 * theirs it cannot place is already an "unknown attribute" (model/moddle-warnings.ts).
 */
const KNOWN_PREFIXES: ReadonlySet<string> = new Set(['bpmn', 'bpmndi', 'dc', 'di', 'bioc', 'color', 'stageflow']);

/** The qualified names of the element's foreign attributes and extension elements, each once, in document order. */
export function foreignExtensions(element: ModdleElement): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(element.$attrs ?? {})) {
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
    if (prefix !== '' && !XML_ATTRIBUTE.test(name) && !KNOWN_PREFIXES.has(prefix)) names.add(name);
  }
  const extensions = element.extensionElements as ModdleElement | undefined;
  const values = Array.isArray(extensions?.values) ? (extensions.values as ModdleElement[]) : [];
  for (const value of values) {
    if (!value.$type.startsWith('stageflow:')) names.add(value.$type);
  }
  return [...names];
}

/** The warning for an element that carries foreign extensions, or undefined when it carries none. */
export function foreignExtensionsWarning(element: ModdleElement): string | undefined {
  const names = foreignExtensions(element);
  if (names.length === 0) return undefined;
  return `'${element.id}' carries another tool's extensions, which Stageflow does not read: ${names.map((name) => `<${name}>`).join(', ')}`;
}
