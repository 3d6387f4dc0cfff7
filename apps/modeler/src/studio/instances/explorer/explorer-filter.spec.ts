import { filterFromSearch, searchFromFilter } from './explorer-filter';

describe('explorer filter in the address', () => {
  it('given every filter, when written and read back, then it is the same filter', () => {
    const filter = { definitionKey: 'lead', version: 3, state: 'incident' as const, businessKey: 'lead:7', hasIncident: true };

    expect(filterFromSearch(searchFromFilter(filter))).toEqual(filter);
  });

  it('given values the engine would refuse, when read, then they are left out', () => {
    expect(filterFromSearch(new URLSearchParams('version=2&state=sleeping&hasIncident=maybe'))).toEqual({});
    expect(filterFromSearch(new URLSearchParams('definitionKey=lead&version=-1'))).toEqual({ definitionKey: 'lead' });
  });
});
