// A record's process as its page shows it (GET /<records>/{id}/process): the instances started for it,
// each with where it waits — by the element's name in the diagram of the version it runs, since a
// seller reads "Check for duplicates", not `checkDuplicates` — and the open tasks the caller may see.
// The names come from the deployed version's compiled graph (ProcessEngine.namesOf, cached per
// version); an element the diagram leaves unnamed has `name: null` and the page shows its id.
import type { InstanceView, TaskView } from '../../process/index.js';

/** The names a version's diagram gives its process and elements (ProcessEngine.namesOf). */
export interface DiagramNames {
  process: string | null;
  elements: Readonly<Record<string, string>>;
}

export interface RecordProcessInstanceView extends Pick<
  InstanceView,
  'id' | 'definitionKey' | 'version' | 'state' | 'activeElementIds' | 'createdAt' | 'endedAt'
> {
  /** The process's name in the diagram (`bpmn:process` name); null when it has none. */
  definitionName: string | null;
  /** Where it waits, in the order of `activeElementIds`, each with its name in the diagram (null: unnamed). */
  activeElements: { id: string; name: string | null }[];
}

export interface RecordProcessState {
  businessKey: string;
  instances: RecordProcessInstanceView[];
  openTasks: TaskView[];
}

/** An instance with the names of its version's diagram (undefined: the version is gone, ids only). */
export function recordProcessInstanceView(instance: InstanceView, names: DiagramNames | undefined): RecordProcessInstanceView {
  const { id, definitionKey, version, state, activeElementIds, createdAt, endedAt } = instance;
  return {
    id,
    definitionKey,
    definitionName: names?.process ?? null,
    version,
    state,
    activeElementIds,
    activeElements: activeElementIds.map((elementId) => ({ id: elementId, name: names?.elements[elementId] ?? null })),
    createdAt,
    endedAt,
  };
}
