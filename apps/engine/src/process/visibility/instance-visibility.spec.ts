import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { InstanceVisibility, seesAllInstances, type RecordVisibilityPort } from './instance-visibility.js';

const as = (username: string, roles: Principal['roles']): Principal => ({ userId: `id-${username}`, username, roles, groups: ['north'] });

const port: RecordVisibilityPort = {
  visibleRecordKeys: (principal, sql) => `SELECT key FROM records WHERE owner = ${sql.add(principal.userId)}`,
  namesRecord: (businessKey) => businessKey.startsWith('lead:'),
};

function conditionFor(principal: Principal, withPort = true): { text: string; values: unknown[] } {
  const visibility = new InstanceVisibility();
  if (withPort) visibility.provide(port);
  const sql = new SqlParams();
  return { text: visibility.condition(principal, sql), values: sql.values };
}

describe('InstanceVisibility', () => {
  it.each(['admin', 'analyst', 'integrator'] as const)('given an %s, when the condition is built, then it is true and takes no parameter', (role) => {
    expect(conditionFor(as('x', [role]))).toEqual({ text: 'true', values: [] });
    expect(seesAllInstances(as('x', [role]))).toBe(true);
  });

  it('given a seller, when the condition is built, then it names their start, their held and completed tasks and their records', () => {
    const { text, values } = conditionFor(as('anna', ['seller']));

    expect(text).toContain('i.started_by = $1::uuid');
    expect(text).toContain('t.assignee = $2 OR t.completed_by = $2');
    expect(text).toContain('i.business_key IN (SELECT key FROM records WHERE owner = $3)');
    expect(values).toEqual(['id-anna', 'anna', 'id-anna']);
    expect(text).not.toContain('candidate_groups');
  });

  it('given a manager (also a seller), when the condition is built, then it is the team rule: members, their tasks, the teams offered a task', () => {
    const { text } = conditionFor(as('mia', ['seller', 'manager']));

    expect(text).toContain(
      'i.started_by IN (SELECT u.id FROM users u WHERE u.id = $1::uuid OR u.team_ids && ARRAY(SELECT unnest(team_ids) FROM users WHERE id = $1::uuid))',
    );
    expect(text).toContain('t.candidate_groups && ARRAY(SELECT t.name FROM teams t');
    expect(text).toContain('t.completed_by IN (SELECT u.username');
    expect(text).toContain('i.business_key IN (');
  });

  it('given no record port, when a seller condition is built, then business keys give nothing', () => {
    expect(conditionFor(as('anna', ['seller']), false).text).not.toContain('business_key');
  });

  it('given a user without a role, when the condition is built, then it is false', () => {
    expect(conditionFor(as('nobody', [])).text).toBe('false');
  });

  it('given a record business key, when a seller or manager starts on it, then it needs a record check; for those who see all, or other keys, not', () => {
    const visibility = new InstanceVisibility();
    visibility.provide(port);

    expect(visibility.namesRecord(as('anna', ['seller']), 'lead:1')).toBe(true);
    expect(visibility.namesRecord(as('mia', ['manager']), 'lead:1')).toBe(true);
    expect(visibility.namesRecord(as('anna', ['seller']), 'ORDER-7')).toBe(false);
    expect(visibility.namesRecord(as('anna', ['seller']), undefined)).toBe(false);
    expect(visibility.namesRecord(as('root', ['admin']), 'lead:1')).toBe(false);
  });

  it('given a port already provided, when another is provided, then it is refused', () => {
    const visibility = new InstanceVisibility();
    visibility.provide(port);

    expect(() => visibility.provide(port)).toThrow('already provided');
  });
});
