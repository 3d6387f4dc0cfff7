import { Invalid } from '../../platform/errors/domain-errors.js';
import { instanceListQuery } from './instance-list-query.js';

describe('instanceListQuery', () => {
  it('given every filter, when parsed, then each is read with its type', () => {
    expect(instanceListQuery({ definitionKey: 'lead', version: '3', state: 'incident', businessKey: 'L-1', hasIncident: 'true', limit: '20' })).toEqual({
      filter: { definitionKey: 'lead', version: 3, state: 'incident', businessKey: 'L-1', hasIncident: true },
      paging: { offset: 0, limit: 20 },
    });
  });

  it('given count=false, when parsed, then the page is asked for without a count', () => {
    expect(instanceListQuery({ count: 'false' }).paging).toEqual({ offset: 0, limit: 50, count: false });
  });

  it('given a cursor, when parsed, then the page is the one after it, with the limit', () => {
    expect(instanceListQuery({ cursor: 'abc', limit: '10', hasIncident: 'false' })).toEqual({
      filter: { definitionKey: undefined, version: undefined, state: undefined, businessKey: undefined, hasIncident: false },
      paging: { limit: 10, cursor: 'abc' },
    });
  });

  it.each([
    ['a version without a process', { version: '2' }, 'version'],
    ['a version that is no positive integer', { definitionKey: 'lead', version: '0' }, 'version'],
    ['hasIncident that is no boolean', { hasIncident: 'yes' }, 'hasIncident'],
    ['a cursor with an offset', { cursor: 'abc', offset: '50' }, 'cursor'],
    ['an unknown state', { state: 'sleeping' }, 'state'],
    ['count that is no boolean', { count: 'maybe' }, 'count'],
  ])('given %s, when parsed, then a 400 names %s', (_, query, path) => {
    let error: unknown;
    try {
      instanceListQuery(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).details).toEqual([expect.objectContaining({ path })]);
  });
});
