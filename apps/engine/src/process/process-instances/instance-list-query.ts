// The query of GET /process-instances: its filters and its paging (by offset, or by the previous
// page's cursor), each bad value a 400 naming its parameter.
import { Invalid } from '../../platform/errors/domain-errors.js';
import { parsePaging, queryEnum, queryString, type JsonObject, type Paging } from '../../platform/http/input.js';
import type { InstanceFilter, InstanceListPaging } from './process-instances.service.js';

const STATES = ['active', 'completed', 'terminated', 'incident'] as const;

export function instanceListQuery(query: JsonObject): { filter: InstanceFilter; paging: InstanceListPaging } {
  const definitionKey = queryString(query, 'definitionKey');
  const rawVersion = queryString(query, 'version');
  let version: number | undefined;
  if (rawVersion !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(rawVersion)) throw Invalid.field('version', 'must be a positive integer');
    if (definitionKey === undefined) throw Invalid.field('version', 'needs definitionKey (a version of which process)');
    version = Number(rawVersion);
  }
  const incident = queryEnum(query, 'hasIncident', ['true', 'false'] as const);
  const filter: InstanceFilter = {
    definitionKey,
    version,
    state: queryEnum(query, 'state', STATES),
    businessKey: queryString(query, 'businessKey'),
    hasIncident: incident === undefined ? undefined : incident === 'true',
  };
  const paging: Paging = parsePaging(query);
  const counted = queryEnum(query, 'count', ['true', 'false'] as const);
  const count = counted === undefined ? {} : { count: counted === 'true' };
  const cursor = queryString(query, 'cursor');
  if (cursor === undefined) return { filter, paging: { ...paging, ...count } };
  for (const key of ['offset', 'page'])
    if (queryString(query, key) !== undefined) throw Invalid.field('cursor', `cannot be combined with ${key} (a cursor says where the page starts)`);
  return { filter, paging: { limit: paging.limit, cursor, ...count } };
}
