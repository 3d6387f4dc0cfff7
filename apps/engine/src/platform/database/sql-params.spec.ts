import { SqlParams } from './sql-params.js';

describe('SqlParams', () => {
  it('given values, when added, then each answers the next positional placeholder', () => {
    const sql = new SqlParams();

    expect([sql.add('a'), sql.add(2)]).toEqual(['$1', '$2']);
    expect(sql.values).toEqual(['a', 2]);
  });

  it('given one value, when a column must be one of them, then it is compared as a scalar (a key lookup whatever the statistics)', () => {
    const sql = new SqlParams();

    expect(sql.oneOf('id', ['t-1'], 'uuid')).toBe('id = $1::uuid');
    expect(sql.values).toEqual(['t-1']);
  });

  it('given several values, when a column must be one of them, then it is compared with ANY of one array parameter', () => {
    const sql = new SqlParams();

    expect(sql.oneOf('call_id', ['c-1', 'c-2'], 'text')).toBe('call_id = ANY($1::text[])');
    expect(sql.values).toEqual([['c-1', 'c-2']]);
  });
});
