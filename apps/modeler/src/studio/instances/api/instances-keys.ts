// The react-query keys of the instance screens, one factory so every write invalidates through it.
import type { InstanceListFilter } from './instance-list.query';

export const instancesKeys = {
  all: ['instances'] as const,
  lists: () => [...instancesKeys.all, 'list'] as const,
  list: (filter: InstanceListFilter) => [...instancesKeys.lists(), filter] as const,
  /** Everything about one instance: its detail, path, history, tasks and incidents. */
  instance: (id: string) => [...instancesKeys.all, 'instance', id] as const,
  detail: (id: string) => [...instancesKeys.instance(id), 'detail'] as const,
  path: (id: string) => [...instancesKeys.instance(id), 'path'] as const,
  history: (id: string) => [...instancesKeys.instance(id), 'history'] as const,
  tasks: (id: string) => [...instancesKeys.instance(id), 'tasks'] as const,
  incidents: (id: string) => [...instancesKeys.instance(id), 'incidents'] as const,
  waiting: (key: string, version: number) => [...instancesKeys.all, 'waiting', key, version] as const,
  versions: (key: string) => [...instancesKeys.all, 'versions', key] as const,
  processes: () => [...instancesKeys.all, 'processes'] as const,
  xml: (definitionId: string) => [...instancesKeys.all, 'xml', definitionId] as const,
};
