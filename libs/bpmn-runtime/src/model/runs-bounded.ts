// runsBounded: whether every command on a process provably finishes quickly, whatever its
// variables, so the engine may interpret it on its main thread instead of a worker thread
// with a wall-clock and heap limit. Decided once per definition (a graph never changes).
//
// Bounded when the graph has
//   - only bounded FEEL (feel/feel-bounds.ts): the graph keeps every FEEL value as `= expr`
//     (conditions, mappings, task attributes, timers, correlation keys, …), so each string
//     of that shape anywhere in it is checked, fields added later included;
//   - no rule sets (business-rule tasks, assigned user tasks): json-rules-engine is not FEEL
//     we can reason about;
//   - no multi-instance: its iterations come from a variable, not from the graph;
//   - no loop without a wait state (model/wait-free-loops.ts).
// The step limit still applies to every command.
import type { ProcessGraph } from '../contract/definition.js';
import { isBoundedFeel } from '../feel/feel-bounds.js';
import { isFeelExpression } from '../feel/feel-expression.js';
import { isCompiledProcess } from './process-graph.js';
import { ruleSetReferences } from './rule-set-references.js';
import { hasLoopWithoutWaitState } from './wait-free-loops.js';

export function runsBounded(graph: ProcessGraph): boolean {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  if (ruleSetReferences(graph).length > 0) return false;
  if (Object.values(graph.nodes).some((node) => node.multiInstance !== undefined)) return false;
  return everyFeelBounded(graph) && !hasLoopWithoutWaitState(graph);
}

function everyFeelBounded(value: unknown): boolean {
  if (typeof value === 'string') return !isFeelExpression(value) || isBoundedFeel(value);
  if (Array.isArray(value)) return value.every(everyFeelBounded);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(everyFeelBounded);
  return true;
}
