import { rowsOf } from './query-rows.js';

describe('rowsOf', () => {
  it('given what pg and TypeORM connections answer, when read, then both give the rows', () => {
    const rows = [{ id: 'a' }];
    expect(rowsOf({ rows, rowCount: 1, command: 'SELECT' })).toBe(rows);
    expect(rowsOf(rows)).toBe(rows);
  });

  it('given an answer without rows, when read, then it throws', () => {
    expect(() => rowsOf(undefined)).toThrow('the connection answered no rows');
    expect(() => rowsOf({ affected: 1 })).toThrow('the connection answered no rows');
  });
});
