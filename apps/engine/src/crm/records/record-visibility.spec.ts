import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { MAX_LIST_PARTS, visibleParts, visibleTo } from './record-visibility.js';

const as = (userId: string, ...roles: string[]): Principal => ({ userId, username: userId, roles, groups: [] }) as Principal;
const uuid = (n: number): string => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

/** The parts with their parameters written in, to read them as SQL. */
function partsOf(principal: Principal, teams?: readonly string[], owners?: { members: string[]; outsiders: string[] }): string[] {
  const sql = new SqlParams();
  const parts = visibleParts(principal, sql, 'r', teams, owners);
  return parts.map((part) => part.replace(/\$(\d+)/g, (_match, n: string) => JSON.stringify(sql.values[Number(n) - 1])));
}

describe('visibleParts', () => {
  it('given a seller in two teams (one named twice), when listing, then their own records and one queue per team', () => {
    expect(partsOf(as(uuid(1), 'seller'), [uuid(10), uuid(11), uuid(10)])).toEqual([
      `r.owner_id = "${uuid(1)}"::uuid`,
      `r.owner_id IS NULL AND r.team_id = "${uuid(10)}"::uuid`,
      `r.owner_id IS NULL AND r.team_id = "${uuid(11)}"::uuid`,
    ]);
  });

  it('given a manager, when an outsider is also a member, then the member part alone holds their records', () => {
    expect(partsOf(as(uuid(2), 'manager'), [uuid(10)], { members: [uuid(2), uuid(3)], outsiders: [uuid(3), uuid(4)] })).toEqual([
      `r.owner_id = "${uuid(2)}"::uuid`,
      `r.owner_id = "${uuid(3)}"::uuid`,
      `r.owner_id IS NULL AND r.team_id = "${uuid(10)}"::uuid`,
      `r.owner_id = "${uuid(4)}"::uuid AND r.team_id = ANY(${JSON.stringify([uuid(10)])}::uuid[])`,
    ]);
  });

  it('given a manager of no team, then nothing is visible', () => {
    expect(partsOf(as(uuid(2), 'manager'), [], { members: [], outsiders: [] })).toEqual(['false']);
  });

  it('given more parts than MAX_LIST_PARTS, or no teams read, or a role that sees all, then the one condition of visibleTo', () => {
    const members = Array.from({ length: MAX_LIST_PARTS }, (_value, i) => uuid(100 + i));
    const manager = as(uuid(2), 'manager');
    const single = (principal: Principal, teams?: readonly string[]): string[] => {
      const sql = new SqlParams();
      return [visibleTo(principal, 'read', sql, 'r', teams)];
    };
    expect(visibleParts(manager, new SqlParams(), 'r', [uuid(10)], { members, outsiders: [] })).toEqual(single(manager, [uuid(10)]));
    expect(visibleParts(manager, new SqlParams(), 'r', [uuid(10)])).toEqual(single(manager, [uuid(10)]));
    expect(visibleParts(as(uuid(1), 'seller'), new SqlParams(), 'r', undefined)).toEqual(single(as(uuid(1), 'seller')));
    expect(visibleParts(as(uuid(5), 'admin'), new SqlParams(), 'r', [])).toEqual(['true']);
  });
});
