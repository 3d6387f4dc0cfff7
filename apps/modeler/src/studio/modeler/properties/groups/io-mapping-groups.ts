// Input and output mappings of an activity (stageflow:ioMapping): two lists of source (FEEL) ->
// target (variable name). Inputs become local variables of the activity; outputs are written to the
// enclosing scope.
import { ListGroup } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { BpmnFactory, CommandStack, DiagramElement, GroupDefinition, ModdleElement, PanelText } from '../panel-types';
import { attributeTextEntry } from '../entries/attribute-text-entry';
import { addMappingCommands, mappingsOf, removeMappingCommands, type MappingList } from '../extension-elements';

interface Services {
  bpmnFactory: BpmnFactory;
  commandStack: CommandStack;
}

export function ioMappingGroups(element: DiagramElement, t: PanelText, services: Services): GroupDefinition[] {
  if (!is(element, 'bpmn:Activity')) return [];
  return [mappingGroup(element, 'inputParameters', t, services), mappingGroup(element, 'outputParameters', t, services)];
}

function mappingGroup(element: DiagramElement, list: MappingList, t: PanelText, { bpmnFactory, commandStack }: Services): GroupDefinition {
  const kind = list === 'inputParameters' ? 'input' : 'output';
  const mappings = mappingsOf(element, list);
  const run = (commands: ReturnType<typeof addMappingCommands>) => {
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  return {
    id: `stageflow-${kind}s`,
    label: t(`properties.groups.${kind}s`),
    component: ListGroup,
    add: (event: Event) => {
      event.stopPropagation();
      run(addMappingCommands(element, list, nextVariableName(mappings, kind), bpmnFactory));
    },
    items: mappings.map((mapping, index) => {
      const id = `stageflow-${kind}-${index}`;
      const holder = () => mapping;
      return {
        id,
        label: text(mapping.get('target')) || t('properties.unnamedMapping'),
        autoFocusEntry: `${id}-target`,
        remove: (event: Event) => {
          event.stopPropagation();
          run(removeMappingCommands(element, list, mapping));
        },
        entries: [
          attributeTextEntry({ id: `${id}-target`, attribute: 'target', label: `properties.${kind}Target`, holder }),
          attributeTextEntry({
            id: `${id}-source`,
            attribute: 'source',
            label: 'properties.mappingSource',
            description: 'properties.mappingSourceHelp',
            holder,
          }),
        ],
      };
    }),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A variable name no mapping of the list has yet: input1, input2, ... */
function nextVariableName(mappings: ModdleElement[], kind: string): string {
  const taken = new Set(mappings.map((mapping) => text(mapping.get('target'))));
  let n = mappings.length + 1;
  while (taken.has(`${kind}${n}`)) n += 1;
  return `${kind}${n}`;
}
