// One instance: GET /process-instances/{id} (+ /path, /history), its tasks (GET /tasks) and its
// incidents (GET /incidents), each a query of its own under the instance's key.
import type { HistoryEventView, IncidentView, InstancePathView, ItemList, Page, ProcessInstanceDetailView, TaskView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { instancesKeys } from './instances-keys';

const segment = (id: string): string => encodeURIComponent(id);

export function instanceQuery(id: string) {
  return queryOptions({ queryKey: instancesKeys.detail(id), queryFn: () => apiFetch<ProcessInstanceDetailView>(`/process-instances/${segment(id)}`) });
}

export function instancePathQuery(id: string) {
  return queryOptions({ queryKey: instancesKeys.path(id), queryFn: () => apiFetch<InstancePathView>(`/process-instances/${segment(id)}/path`) });
}

export function instanceHistoryQuery(id: string) {
  return queryOptions({
    queryKey: instancesKeys.history(id),
    queryFn: () => apiFetch<ItemList<HistoryEventView>>(`/process-instances/${segment(id)}/history`),
  });
}

export function instanceTasksQuery(id: string) {
  return queryOptions({
    queryKey: instancesKeys.tasks(id),
    queryFn: () => apiFetch<Page<TaskView>>(`/tasks?processInstanceId=${segment(id)}&limit=500`),
  });
}

export function instanceIncidentsQuery(id: string) {
  return queryOptions({
    queryKey: instancesKeys.incidents(id),
    queryFn: () => apiFetch<Page<IncidentView>>(`/incidents?processInstanceId=${segment(id)}&limit=500`),
  });
}
