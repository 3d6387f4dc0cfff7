// The addresses of the instance screens (routes.tsx has them): other screens link here through these.
import type { InstanceListFilter } from './api/instance-list.query';
import { searchFromFilter } from './explorer/explorer-filter';

/** The explorer, optionally filtered. */
export function instancesPath(filter: InstanceListFilter = {}): string {
  const query = searchFromFilter(filter).toString();
  return query === '' ? '/studio/instances' : `/studio/instances?${query}`;
}

/** The live view of one instance. */
export function instancePath(id: string): string {
  return `/studio/instances/${encodeURIComponent(id)}`;
}

/** A process version's diagram with the number of instances waiting at each element now. */
export function versionLivePath(key: string, version: number): string {
  return `/studio/processes/${encodeURIComponent(key)}/versions/${version}/live`;
}
