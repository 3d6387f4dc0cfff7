// Who does a user task, by when and with which form: stageflow:assignee, candidateGroups, assignment,
// dueDate, priority, formKey, completedByVariable (docs/bpmn-extension.md).
import { Group } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { DiagramElement, GroupDefinition, PanelText } from '../panel-types';
import { attributeTextEntry } from '../entries/attribute-text-entry';
import { keyPickerEntry } from '../entries/key-picker-entry';
import { namePickerEntry } from '../entries/name-picker-entry';
import { dateOrDurationOrFeel, literal, numberOrFeel } from './validation';

export function userTaskGroup(element: DiagramElement, t: PanelText): GroupDefinition | null {
  if (!is(element, 'bpmn:UserTask')) return null;
  return {
    id: 'stageflow-user-task',
    label: t('properties.groups.userTask'),
    component: Group,
    entries: [
      attributeTextEntry({
        id: 'stageflow-assignee',
        attribute: 'stageflow:assignee',
        label: 'properties.assignee',
        description: 'properties.assigneeHelp',
      }),
      namePickerEntry({
        id: 'stageflow-assignee-user',
        attribute: 'stageflow:assignee',
        label: 'properties.assigneeUser',
        placeholder: 'properties.chooseUser',
        names: (pickers) => pickers.users,
        mode: 'replace',
      }),
      attributeTextEntry({
        id: 'stageflow-candidate-groups',
        attribute: 'stageflow:candidateGroups',
        label: 'properties.candidateGroups',
        description: 'properties.candidateGroupsHelp',
      }),
      namePickerEntry({
        id: 'stageflow-candidate-groups-team',
        attribute: 'stageflow:candidateGroups',
        label: 'properties.addTeam',
        placeholder: 'properties.chooseTeam',
        names: (pickers) => pickers.teams,
        mode: 'append',
      }),
      keyPickerEntry({
        id: 'stageflow-assignment',
        attribute: 'stageflow:assignment',
        label: 'properties.assignment',
        description: 'properties.assignmentHelp',
        keys: (pickers) => pickers.ruleSets?.filter((ruleSet) => ruleSet.kind === 'assignment'),
      }),
      attributeTextEntry({
        id: 'stageflow-due-date',
        attribute: 'stageflow:dueDate',
        label: 'properties.dueDate',
        description: 'properties.dueDateHelp',
        validate: dateOrDurationOrFeel,
      }),
      attributeTextEntry({
        id: 'stageflow-priority',
        attribute: 'stageflow:priority',
        label: 'properties.priority',
        description: 'properties.priorityHelp',
        validate: numberOrFeel,
      }),
      keyPickerEntry({
        id: 'stageflow-form',
        attribute: 'stageflow:formKey',
        label: 'properties.form',
        description: 'properties.formHelp',
        keys: (pickers) => pickers.forms,
      }),
      attributeTextEntry({
        id: 'stageflow-completed-by-variable',
        attribute: 'stageflow:completedByVariable',
        label: 'properties.completedByVariable',
        description: 'properties.completedByVariableHelp',
        validate: literal,
      }),
    ],
  };
}

/** The stage an element belongs to; on a user task also the moves it accepts and their exit criteria. */
export function stageGroup(element: DiagramElement, t: PanelText): GroupDefinition | null {
  if (!is(element, 'bpmn:FlowNode')) return null;
  const entries = [attributeTextEntry({ id: 'stageflow-stage', attribute: 'stageflow:stage', label: 'properties.stage', description: 'properties.stageHelp' })];
  if (is(element, 'bpmn:UserTask')) {
    entries.push(
      attributeTextEntry({
        id: 'stageflow-moves',
        attribute: 'stageflow:moves',
        label: 'properties.moves',
        description: 'properties.movesHelp',
        validate: literal,
      }),
      keyPickerEntry({
        id: 'stageflow-exit-criteria',
        attribute: 'stageflow:exitCriteria',
        label: 'properties.exitCriteria',
        description: 'properties.exitCriteriaHelp',
        keys: (pickers) => pickers.ruleSets?.filter((ruleSet) => ruleSet.kind === 'exitCriteria'),
      }),
    );
  }
  return { id: 'stageflow-stage', label: t('properties.groups.stage'), component: Group, entries };
}
