// Entries the provider adds to bpmn-js's own groups: the message's correlation key and a picker of
// the message names the engine knows; the multi-instance collection (replacing the loop cardinality
// the engine refuses); who may start a process.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import type { DiagramElement, EntryDefinition, ModdleElement } from '../panel-types';
import { attributeTextEntry } from '../entries/attribute-text-entry';
import { namePickerEntry } from '../entries/name-picker-entry';
import { feel, literal } from './validation';

/** The bpmn:Message an event (through its definition) or a receive/send task refers to. */
export function messageOf(element: DiagramElement): ModdleElement | undefined {
  const businessObject = getBusinessObject(element) as ModdleElement;
  if (is(businessObject, 'bpmn:ReceiveTask') || is(businessObject, 'bpmn:SendTask')) return businessObject.get('messageRef') as ModdleElement | undefined;
  const definitions = businessObject.get('eventDefinitions');
  if (!Array.isArray(definitions)) return undefined;
  const definition = (definitions as ModdleElement[]).find((candidate) => is(candidate, 'bpmn:MessageEventDefinition'));
  return definition?.get('messageRef') as ModdleElement | undefined;
}

export function messageEntries(element: DiagramElement): EntryDefinition[] {
  if (!messageOf(element)) return [];
  const holder = messageOf;
  return [
    namePickerEntry({
      id: 'stageflow-message-name',
      attribute: 'name',
      label: 'properties.messageName',
      placeholder: 'properties.chooseMessage',
      names: (pickers) => pickers.messageNames,
      mode: 'replace',
      holder,
    }),
    attributeTextEntry({
      id: 'stageflow-correlation-key',
      attribute: 'stageflow:correlationKey',
      label: 'properties.correlationKey',
      description: 'properties.correlationKeyHelp',
      holder,
    }),
  ];
}

function loopOf(element: DiagramElement): ModdleElement | undefined {
  const loop = element.businessObject.get('loopCharacteristics') as ModdleElement | undefined;
  return loop && is(loop, 'bpmn:MultiInstanceLoopCharacteristics') ? loop : undefined;
}

export function multiInstanceEntries(element: DiagramElement): EntryDefinition[] {
  if (!loopOf(element)) return [];
  const holder = loopOf;
  return [
    attributeTextEntry({
      id: 'stageflow-collection',
      attribute: 'stageflow:collection',
      label: 'properties.collection',
      description: 'properties.collectionHelp',
      holder,
      validate: feel,
    }),
    attributeTextEntry({ id: 'stageflow-element-variable', attribute: 'stageflow:elementVariable', label: 'properties.elementVariable', holder }),
    attributeTextEntry({ id: 'stageflow-output-collection', attribute: 'stageflow:outputCollection', label: 'properties.outputCollection', holder }),
    attributeTextEntry({
      id: 'stageflow-output-element',
      attribute: 'stageflow:outputElement',
      label: 'properties.outputElement',
      holder,
      validate: feel,
    }),
  ];
}

/** The process behind the element: the process itself, or a pool's. */
function processOf(element: DiagramElement): ModdleElement | undefined {
  const businessObject = element.businessObject;
  if (is(businessObject, 'bpmn:Process')) return businessObject;
  if (is(businessObject, 'bpmn:Participant')) return businessObject.get('processRef') as ModdleElement | undefined;
  return undefined;
}

export function starterEntries(element: DiagramElement): EntryDefinition[] {
  if (!processOf(element)) return [];
  const holder = processOf;
  return [
    attributeTextEntry({
      id: 'stageflow-starter-groups',
      attribute: 'stageflow:candidateStarterGroups',
      label: 'properties.starterGroups',
      description: 'properties.starterGroupsHelp',
      holder,
      validate: literal,
    }),
    namePickerEntry({
      id: 'stageflow-starter-groups-team',
      attribute: 'stageflow:candidateStarterGroups',
      label: 'properties.addTeam',
      placeholder: 'properties.chooseTeam',
      names: (pickers) => pickers.teams,
      mode: 'append',
      holder,
    }),
    attributeTextEntry({
      id: 'stageflow-starter-users',
      attribute: 'stageflow:candidateStarterUsers',
      label: 'properties.starterUsers',
      description: 'properties.starterUsersHelp',
      holder,
      validate: literal,
    }),
    namePickerEntry({
      id: 'stageflow-starter-users-user',
      attribute: 'stageflow:candidateStarterUsers',
      label: 'properties.addUser',
      placeholder: 'properties.chooseUser',
      names: (pickers) => pickers.users,
      mode: 'append',
      holder,
    }),
  ];
}
