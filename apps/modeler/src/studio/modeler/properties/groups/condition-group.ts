// The FEEL condition of a sequence flow leaving an exclusive or inclusive gateway (the only flows the
// engine evaluates conditions on). The text is the truth; the page's condition builder edits the same
// expression through the same command (setFlowCondition).
import { Group, isTextAreaEntryEdited, TextAreaEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { is, isAny } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, DiagramElement, EntryProps, GroupDefinition, ModdleElement, Modeling, PanelText } from '../panel-types';

/** A flow whose condition the engine evaluates: out of an exclusive or inclusive gateway. */
export function hasEvaluatedCondition(element: DiagramElement): boolean {
  if (!is(element, 'bpmn:SequenceFlow')) return false;
  const source = element.businessObject.get('sourceRef') as ModdleElement | undefined;
  return source !== undefined && isAny(source, ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
}

export function flowCondition(element: DiagramElement): string {
  const expression = element.businessObject.get('conditionExpression') as ModdleElement | undefined;
  const body = expression?.get('body');
  return typeof body === 'string' ? body : '';
}

/** Writes (or, empty, removes) the flow's condition in one command. */
export function setFlowCondition(element: DiagramElement, text: string, modeling: Modeling, bpmnFactory: BpmnFactory): void {
  const expression = element.businessObject.get('conditionExpression') as ModdleElement | undefined;
  if (text.trim() === '') modeling.updateProperties(element, { conditionExpression: undefined });
  else if (expression) modeling.updateModdleProperties(element, expression, { body: text });
  else modeling.updateProperties(element, { conditionExpression: bpmnFactory.create('bpmn:FormalExpression', { body: text }) });
}

export function conditionGroup(element: DiagramElement, t: PanelText): GroupDefinition | null {
  if (!hasEvaluatedCondition(element)) return null;
  return {
    id: 'stageflow-condition',
    label: t('properties.groups.condition'),
    component: Group,
    entries: [{ id: 'stageflow-condition-expression', component: Condition as never, isEdited: isTextAreaEntryEdited }],
  };
}

function Condition({ element, id }: EntryProps) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const debounce = useService<(fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown>('debounceInput');
  const t = useService<PanelText>('stageflowTranslate');
  return h(TextAreaEntry, {
    element,
    id,
    label: t('properties.condition'),
    description: t('properties.conditionHelp'),
    getValue: () => flowCondition(element),
    setValue: (value: string | undefined) => setFlowCondition(element, value ?? '', modeling, bpmnFactory),
    debounce,
    rows: 2,
    monospace: true,
    autoResize: true,
  });
}
