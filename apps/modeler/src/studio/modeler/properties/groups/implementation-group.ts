// What a task runs: a business-rule task's rule set and result variable, a service or send task's
// action template (docs/bpmn-extension.md); and, on every activity, whether it runs asynchronously.
import { Group } from '@bpmn-io/properties-panel';
import { is, isAny } from 'bpmn-js/lib/util/ModelUtil';
import type { DiagramElement, EntryDefinition, GroupDefinition, PanelText } from '../panel-types';
import { attributeTextEntry } from '../entries/attribute-text-entry';
import { flagEntry } from '../entries/flag-entry';
import { keyPickerEntry } from '../entries/key-picker-entry';

/** Rule-set kinds a business-rule task does not run (they serve assignment and stage moves). */
const NOT_FOR_BUSINESS_RULE_TASKS = new Set(['assignment', 'exitCriteria']);

export function implementationGroup(element: DiagramElement, t: PanelText): GroupDefinition | null {
  const entries: EntryDefinition[] = [];
  if (is(element, 'bpmn:BusinessRuleTask')) {
    entries.push(
      keyPickerEntry({
        id: 'stageflow-rule-set',
        attribute: 'stageflow:ruleSet',
        label: 'properties.ruleSet',
        description: 'properties.ruleSetHelp',
        keys: (pickers) => pickers.ruleSets?.filter((ruleSet) => !NOT_FOR_BUSINESS_RULE_TASKS.has(ruleSet.kind)),
      }),
      attributeTextEntry({
        id: 'stageflow-result-variable',
        attribute: 'stageflow:resultVariable',
        label: 'properties.resultVariable',
        description: 'properties.resultVariableHelp',
      }),
    );
  }
  if (isAny(element, ['bpmn:ServiceTask', 'bpmn:SendTask'])) {
    entries.push(
      keyPickerEntry({
        id: 'stageflow-action',
        attribute: 'stageflow:action',
        label: 'properties.action',
        description: 'properties.actionHelp',
        keys: (pickers) => pickers.actionTemplates,
      }),
    );
  }
  if (is(element, 'bpmn:Activity')) {
    entries.push(flagEntry({ id: 'stageflow-async', attribute: 'stageflow:async', label: 'properties.async', description: 'properties.asyncHelp' }));
  }
  return entries.length === 0 ? null : { id: 'stageflow-implementation', label: t('properties.groups.implementation'), component: Group, entries };
}
