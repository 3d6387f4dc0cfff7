// Our properties provider: the whole `stageflow` extension (docs/bpmn-extension.md) on top of
// bpmn-js-properties-panel's BPMN provider (general, documentation, timer, message, multi-instance,
// signal, error, escalation groups). It adds its own groups and extends or corrects bpmn-js's:
// the message group gets the correlation key, the multi-instance group our collection instead of the
// loop cardinality the engine refuses, the process its starters. Every entry edits through the command
// stack (modeling.updateModdleProperties or properties-panel.multi-command-executor), so undo/redo work.
import type { BpmnFactory, CommandStack, DiagramElement, EntryDefinition, GroupDefinition, PanelText } from './panel-types';
import type { StageflowPickers } from './stageflow-pickers';
import { conditionGroup } from './groups/condition-group';
import { messageEntries, multiInstanceEntries, starterEntries } from './groups/event-entries';
import { implementationGroup } from './groups/implementation-group';
import { ioMappingGroups } from './groups/io-mapping-groups';
import { parametersGroup } from './groups/parameters-group';
import { stageGroup, userTaskGroup } from './groups/user-task-group';

/** After bpmn-js's own provider (priority 1000), so its groups exist when ours run. */
const LOW_PRIORITY = 500;

interface PropertiesPanel {
  registerProvider(priority: number, provider: StageflowPropertiesProvider): void;
}

interface Injector {
  get<T>(name: string): T;
}

type GroupsMiddleware = (groups: GroupDefinition[]) => GroupDefinition[];

export class StageflowPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly injector: Injector,
  ) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: DiagramElement): GroupsMiddleware {
    return (groups) => {
      const t = this.injector.get<PanelText>('stageflowTranslate');
      const pickers = this.injector.get<StageflowPickers>('stageflowPickers');
      extendGroup(groups, 'general', starterEntries(element));
      extendGroup(groups, 'message', messageEntries(element));
      replaceInGroup(groups, 'multiInstance', 'loopCardinality', multiInstanceEntries(element));
      const ours = [
        userTaskGroup(element, t),
        implementationGroup(element, t),
        stageGroup(element, t),
        conditionGroup(element, t),
        ...ioMappingGroups(element, t, {
          bpmnFactory: this.injector.get<BpmnFactory>('bpmnFactory'),
          commandStack: this.injector.get<CommandStack>('commandStack'),
        }),
        parametersGroup(element, pickers, t),
      ].filter((group): group is GroupDefinition => group !== null);
      // Ours right after "General": what makes the element run comes before documentation and events.
      const general = groups.findIndex((group) => group.id === 'general');
      return [...groups.slice(0, general + 1), ...ours, ...groups.slice(general + 1)];
    };
  }
}

function extendGroup(groups: GroupDefinition[], id: string, entries: EntryDefinition[]): void {
  const group = groups.find((candidate) => candidate.id === id);
  if (group?.entries && entries.length > 0) group.entries = [...group.entries, ...entries];
}

/** Puts `entries` where the entry `replaced` was (or at the group's start). */
function replaceInGroup(groups: GroupDefinition[], id: string, replaced: string, entries: EntryDefinition[]): void {
  const group = groups.find((candidate) => candidate.id === id);
  if (!group?.entries) return;
  const at = Math.max(
    0,
    group.entries.findIndex((entry) => entry.id === replaced),
  );
  const rest = group.entries.filter((entry) => entry.id !== replaced);
  group.entries = [...rest.slice(0, at), ...entries, ...rest.slice(at)];
}
