import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { MAX_LIST_PARTS, visibleParts, visibleTo } from './record-visibility.js';

const as = (userId: string, ...roles: string[]): Principal => ({ userId, username: userId, roles, groups: [] }) as Principal;
const uuid = (n: number): string => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

/** The parts with their parameters written in, to read them as SQL. */
function partsOf(principal: Principal, teams?: readonly string[]): string[] {
  const sql = new SqlParams();
  const parts = visibleParts(principal, sql, 'r', teams);
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

  it('given a seller of no team, then their own records only', () => {
    expect(partsOf(as(uuid(1), 'seller'), [])).toEqual([`r.owner_id = "${uuid(1)}"::uuid`]);
  });

  it('given a manager, more parts than MAX_LIST_PARTS, no teams read, or a role that sees all, then the one condition of visibleTo', () => {
    const teams = Array.from({ length: MAX_LIST_PARTS }, (_value, i) => uuid(100 + i));
    const manager = as(uuid(2), 'manager');
    const seller = as(uuid(1), 'seller');
    const single = (principal: Principal, teams?: readonly string[]): string[] => {
      const sql = new SqlParams();
      return [visibleTo(principal, 'read', sql, 'r', teams)];
    };
    expect(visibleParts(manager, new SqlParams(), 'r', [uuid(10)])).toEqual(single(manager, [uuid(10)]));
    expect(visibleParts(as(uuid(3), 'seller', 'manager'), new SqlParams(), 'r', [uuid(10)])).toEqual(single(as(uuid(3), 'seller', 'manager'), [uuid(10)]));
    expect(visibleParts(seller, new SqlParams(), 'r', teams)).toEqual(single(seller, teams));
    expect(partsOf(seller, teams.slice(1))).toHaveLength(MAX_LIST_PARTS);
    expect(visibleParts(seller, new SqlParams(), 'r', undefined)).toEqual(single(seller));
    expect(visibleParts(as(uuid(5), 'admin'), new SqlParams(), 'r', [])).toEqual(['true']);
  });
});
