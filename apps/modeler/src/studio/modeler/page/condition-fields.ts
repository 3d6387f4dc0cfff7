// The fields the condition builder offers on a sequence flow: what the process knows as variables —
// the package parameters (`params.<name>`, typed by their current value), the fields the diagram's
// other conditions already compare (typed by the values they compare with), the variables its
// activities write (output mappings, result variables) and `stageMove` where a task accepts moves.
import { is } from 'bpmn-js/lib/util/ModelUtil';
// The pure modules, not the conditions index: it also exports the builder's React component.
import { fromFeel } from '../conditions/condition-from-feel';
import type { ConditionField } from '../conditions/condition-draft';
import type { ValueType } from '../conditions/condition-model';
import type { PickedParameter } from '../properties';
import type { ModdleElement } from '../properties/panel-types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function typeOfJson(text: string): ValueType {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'string';
  }
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return typeof value === 'string' && DAY.test(value) ? 'date' : 'string';
}

function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.get(property);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function text(element: ModdleElement | undefined, property: string): string {
  const value = element?.get(property);
  return typeof value === 'string' ? value : '';
}

/** Every flow element of the definitions' processes, subprocesses included. */
function flowElements(definitions: ModdleElement | undefined): ModdleElement[] {
  const found: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    for (const element of list(container, 'flowElements')) {
      found.push(element);
      if (is(element, 'bpmn:SubProcess')) visit(element);
    }
  };
  for (const root of list(definitions, 'rootElements')) if (is(root, 'bpmn:Process')) visit(root);
  return found;
}

export function conditionFields(definitions: ModdleElement | undefined, parameters: readonly PickedParameter[] = []): ConditionField[] {
  const fields = new Map<string, ValueType>();
  const add = (path: string, type: ValueType) => {
    if (path !== '' && !fields.has(path)) fields.set(path, type);
  };
  for (const parameter of parameters) add(`params.${parameter.name}`, typeOfJson(parameter.value));
  for (const element of flowElements(definitions)) {
    if (is(element, 'bpmn:SequenceFlow')) {
      const read = fromFeel(text(element.get('conditionExpression') as ModdleElement | undefined, 'body'));
      if (read.ok) for (const row of read.model.rows) add(row.field, row.values[0]?.type ?? 'string');
    }
    if (is(element, 'bpmn:BusinessRuleTask')) add(text(element, 'stageflow:resultVariable') || text(element, 'stageflow:ruleSet'), 'string');
    if (is(element, 'bpmn:UserTask') && text(element, 'stageflow:moves') !== '') add('stageMove', 'string');
    const extensions = list(element.get('extensionElements') as ModdleElement | undefined, 'values');
    for (const ioMapping of extensions.filter((value) => is(value, 'stageflow:IoMapping'))) {
      for (const output of list(ioMapping, 'outputParameters')) add(text(output, 'target'), 'string');
    }
  }
  return [...fields].sort(([a], [b]) => a.localeCompare(b)).map(([path, type]) => ({ path, label: path, type }));
}
