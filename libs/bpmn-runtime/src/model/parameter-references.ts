// parameterReferences: the package parameters a process reads in FEEL (`params.<name>` in
// conditions, input/output mappings, task attributes, timers, correlation keys, multi-instance
// collections and conditions), with the element or sequence flow that reads each, so a package's
// deploy check can refuse a name the package does not declare. Like runsBounded, it relies on
// the graph keeping every FEEL value as `= expr`: each string of that shape in a node or flow is
// read, fields added later included. Names are display text, never FEEL, and are skipped.
import type { ProcessGraph } from '../contract/definition.js';
import { isFeelExpression } from '../feel/feel-expression.js';
import { feelParameterNames } from '../feel/feel-parameters.js';
import { isCompiledProcess } from './process-graph.js';

export interface ParameterReference {
  /** The flow node or sequence flow whose FEEL reads the parameter. */
  elementId: string;
  /** The parameter: `params.<parameter>`. */
  parameter: string;
}

export function parameterReferences(graph: ProcessGraph): ParameterReference[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const references: ParameterReference[] = [];
  for (const element of [...Object.values(graph.nodes), ...Object.values(graph.flows)]) {
    const names = new Set<string>();
    collect(element, names, true);
    for (const parameter of names) references.push({ elementId: element.id, parameter });
  }
  return references;
}

function collect(value: unknown, names: Set<string>, top = false): void {
  if (typeof value === 'string') {
    if (isFeelExpression(value)) for (const name of feelParameterNames(value)) names.add(name);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, names);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (!(top && key === 'name')) collect(item, names);
  }
}
