// The explorer's filters live in the address (shareable, kept on back/forward): read and written here.
import type { ProcessInstanceState } from '@stageflow/api-contract';
import type { InstanceListFilter } from '../api/instance-list.query';

const STATES: readonly ProcessInstanceState[] = ['active', 'completed', 'terminated', 'incident'];

export function filterFromSearch(search: URLSearchParams): InstanceListFilter {
  const filter: InstanceListFilter = {};
  const key = search.get('definitionKey');
  if (key) filter.definitionKey = key;
  const version = Number(search.get('version'));
  if (key && Number.isInteger(version) && version > 0) filter.version = version;
  const state = search.get('state');
  if (state && (STATES as readonly string[]).includes(state)) filter.state = state as ProcessInstanceState;
  const businessKey = search.get('businessKey');
  if (businessKey) filter.businessKey = businessKey;
  const incident = search.get('hasIncident');
  if (incident === 'true' || incident === 'false') filter.hasIncident = incident === 'true';
  return filter;
}

export function searchFromFilter(filter: InstanceListFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.definitionKey) search.set('definitionKey', filter.definitionKey);
  if (filter.definitionKey && filter.version !== undefined) search.set('version', String(filter.version));
  if (filter.state) search.set('state', filter.state);
  if (filter.businessKey) search.set('businessKey', filter.businessKey);
  if (filter.hasIncident !== undefined) search.set('hasIncident', String(filter.hasIncident));
  return search;
}

export { STATES as INSTANCE_STATES };
