// Deploy-time reading of `bpmn:multiInstanceLoopCharacteristics` with the stageflow
// attributes: `stageflow:collection` (FEEL list, one inner instance per item),
// `stageflow:elementVariable`, `bpmn:completionCondition`, `stageflow:outputCollection` and
// `stageflow:outputElement`. The standard BPMN data-input/-output form and `loopCardinality`
// are refused with the stageflow equivalent, so nothing is accepted and then ignored.
import type { ModdleElement } from 'bpmn-moddle';
import { isFeelExpression, parseFeel } from '../feel/feel-expression.js';
import type { MultiInstanceSpec, NodeKind } from './process-graph.js';

/** The activities multi-instance runs on. */
export const MULTI_INSTANCE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['userTask', 'manualTask', 'subProcess', 'callActivity']);

/** Reserved: the local variable holding the 1-based index of each inner instance. */
export const LOOP_COUNTER = 'loopCounter';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const STANDARD_FORM: readonly [string, string][] = [
  ['loopCardinality', "bpmn:loopCardinality is not supported: give stageflow:collection (e.g. '= for i in 1..n return i')"],
  ['loopDataInputRef', 'bpmn:loopDataInputRef is not supported: give stageflow:collection (a FEEL list)'],
  ['inputDataItem', 'bpmn:inputDataItem is not supported: give stageflow:elementVariable'],
  ['loopDataOutputRef', 'bpmn:loopDataOutputRef is not supported: give stageflow:outputCollection'],
  ['outputDataItem', 'bpmn:outputDataItem is not supported: give stageflow:outputElement'],
  ['complexBehaviorDefinition', 'bpmn:complexBehaviorDefinition is not supported'],
];

export function compileMultiInstance(
  loop: ModdleElement,
  elementType: string,
  kind: NodeKind,
): { ok: true; spec: MultiInstanceSpec } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!MULTI_INSTANCE_KINDS.has(kind)) {
    return {
      ok: false,
      problems: [`multi-instance is supported on user tasks, manual tasks, embedded subprocesses and call activities, not on ${elementType}`],
    };
  }
  for (const [property, message] of STANDARD_FORM) if (loop[property] !== undefined && loop[property] !== null) problems.push(message);
  const behavior = loop.behavior;
  if (typeof behavior === 'string' && behavior !== 'All') problems.push(`multi-instance behavior '${behavior}' is not supported (only the default 'All')`);

  const collection = attribute(loop, 'collection');
  if (collection === undefined) problems.push("stageflow:collection is required: a FEEL expression giving the list (e.g. '= reviewers')");
  else feel('stageflow:collection', collection, problems, true);

  const elementVariable = attribute(loop, 'elementVariable');
  if (elementVariable !== undefined) name('stageflow:elementVariable', elementVariable, problems);

  const outputCollection = attribute(loop, 'outputCollection');
  const outputElement = attribute(loop, 'outputElement');
  if (outputCollection !== undefined) name('stageflow:outputCollection', outputCollection, problems);
  if (outputElement !== undefined) feel('stageflow:outputElement', outputElement, problems, false);
  if ((outputCollection === undefined) !== (outputElement === undefined)) {
    problems.push('stageflow:outputCollection and stageflow:outputElement go together: give both or neither');
  }

  const conditionElement = loop.completionCondition as ModdleElement | undefined;
  const conditionBody = typeof conditionElement?.body === 'string' ? conditionElement.body.trim() : undefined;
  if (conditionElement && !conditionBody) problems.push('bpmn:completionCondition is empty');
  if (conditionBody) feel('bpmn:completionCondition', conditionBody, problems, false);

  if (problems.length > 0) return { ok: false, problems };
  const spec: MultiInstanceSpec = { sequential: loop.isSequential === true, collection: collection! };
  if (elementVariable !== undefined) spec.elementVariable = elementVariable;
  if (conditionBody) spec.completionCondition = conditionBody.startsWith('=') ? conditionBody : `=${conditionBody}`;
  if (outputCollection !== undefined && outputElement !== undefined) {
    spec.outputCollection = outputCollection;
    spec.outputElement = isFeelExpression(outputElement) ? outputElement : `=${outputElement}`;
  }
  return { ok: true, spec };
}

function attribute(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function name(what: string, value: string, problems: string[]): void {
  if (!NAME.test(value)) problems.push(`${what} must be a variable name (letters, digits, _), got '${value}'`);
  else if (value === LOOP_COUNTER) problems.push(`${what} must not be '${LOOP_COUNTER}': that local variable holds the instance's index`);
}

function feel(what: string, value: string, problems: string[], mustBeFeel: boolean): void {
  if (mustBeFeel && !isFeelExpression(value)) {
    problems.push(`${what} must be a FEEL expression starting with '=' (e.g. '= ${value}'), got '${value}'`);
    return;
  }
  const parsed = parseFeel(value);
  if (!parsed.ok) problems.push(`${what}: invalid FEEL '${value}': ${parsed.message}`);
}
