import type { RuleSet } from '@stageflow/process-package';
import { fakeAs } from '../../platform/database/fake-as.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { FakeTransactions } from '../../platform/database/transactions.fake.js';
import type { Transactions } from '../../platform/database/transactions.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { FakeTeamsRepository } from '../../platform/identity/teams/teams.repository.fake.js';
import type { TeamsRepository } from '../../platform/identity/teams/teams.repository.js';
import { FakeUsersRepository } from '../../platform/identity/users/users.repository.fake.js';
import type { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { FakeRuleSetsRepository } from '../rule-sets/rule-sets.repository.fake.js';
import type { RuleSetsRepository } from '../rule-sets/rule-sets.repository.js';
import { FakeTerritoriesRepository } from './territories.repository.fake.js';
import type { TerritoriesRepository } from './territories.repository.js';
import { TerritoriesService } from './territories.service.js';

const DACH_TEAM = '10000000-0000-4000-8000-000000000001';

/** Users that also say on which connection, and with which lock, they were looked up by name. */
class LookupLoggingUsers extends FakeUsersRepository {
  readonly lookups: { username: string; db: Queryable | undefined; lock: string | undefined }[] = [];

  override async findIdByUsername(username: string, db?: Queryable, lock?: 'share'): Promise<string | undefined> {
    this.lookups.push({ username, db, lock });
    return super.findIdByUsername(username);
  }
}

function newTestService() {
  const territories = new FakeTerritoriesRepository();
  territories.teamNames.set(DACH_TEAM, 'dach');
  const users = new LookupLoggingUsers();
  users.seed({ username: 'anna' });
  const teams = new FakeTeamsRepository(users);
  teams.seed('dach', DACH_TEAM);
  const ruleSets = new FakeRuleSetsRepository();
  ruleSets.seed({ key: 'on-start', version: 1, content: { kind: 'actions' } as RuleSet });
  ruleSets.seed({ key: 'route', version: 1, content: { kind: 'assignment' } as RuleSet });
  const transactions = new FakeTransactions();
  const service = new TerritoriesService(
    fakeAs<TerritoriesRepository>(territories),
    fakeAs<RuleSetsRepository>(ruleSets),
    fakeAs<TeamsRepository>(teams),
    fakeAs<UsersRepository>(users),
    fakeAs<Transactions>(transactions),
  );
  return { service, territories, tx: transactions.tx, transactions, userLookups: users.lookups };
}

describe('TerritoriesService', () => {
  it('given a team, an owner and an actions rule set that exist, when a territory is created, then it names them, written in one transaction', async () => {
    const { service, territories, tx, transactions, userLookups } = newTestService();

    const created = await service.create({ key: 'DACH', name: 'DACH', team: 'dach', defaultOwner: 'anna', actions: ['on-start'] });

    expect(created).toMatchObject({ key: 'DACH', team: 'dach', teamId: DACH_TEAM, defaultOwner: 'anna', actions: ['on-start'] });
    expect(transactions.runs).toBe(1);
    expect(territories.writes).toEqual([{ method: 'insert', db: tx }]);
    // The owner is held until the territory is written: it cannot be deleted in between.
    expect(userLookups).toEqual([{ username: 'anna', db: tx, lock: 'share' }]);
  });

  it('given a key that exists, when a territory is created with it, then 409 naming the key', async () => {
    const { service } = newTestService();
    await service.create({ key: 'DACH', name: 'DACH' });

    await expect(service.create({ key: 'DACH', name: 'Other' })).rejects.toThrow(Conflict);
    await expect(service.create({ key: 'DACH', name: 'Other' })).rejects.toMatchObject({ details: [{ path: 'key', key: 'DACH' }] });
  });

  it.each([
    ['an unknown team', { team: 'nordics' }, 'team'],
    ['an unknown owner', { defaultOwner: 'zoe' }, 'defaultOwner'],
    ['a rule set that is not deployed', { actions: ['on-start', 'missing'] }, 'actions[1]'],
    ['a rule set of another kind', { actions: ['route'] }, 'actions[0]'],
  ])('given %s, when a territory is created, then 400 naming the field and nothing is written', async (_case, fields, path) => {
    const { service, territories } = newTestService();

    const creating = service.create({ key: 'DACH', name: 'DACH', ...fields });

    await expect(creating).rejects.toThrow(Invalid);
    await expect(service.create({ key: 'DACH', name: 'DACH', ...fields })).rejects.toMatchObject({ details: [{ path }] });
    expect(territories.rows).toEqual([]);
  });

  it('given a territory, when a change names only its owner, then the owner changes and the team stays; null clears the team', async () => {
    const { service } = newTestService();
    await service.create({ key: 'DACH', name: 'DACH', team: 'dach', defaultOwner: 'anna' });

    expect(await service.update('DACH', { defaultOwner: null })).toMatchObject({ team: 'dach', defaultOwner: null, name: 'DACH' });
    expect(await service.update('DACH', { team: null })).toMatchObject({ team: null, teamId: null });
  });

  it('given no territory of that key, when it is changed, read or deleted, then 404', async () => {
    const { service, territories } = newTestService();

    await expect(service.update('DACH', { name: 'x' })).rejects.toThrow(NotFound);
    await expect(service.get('DACH')).rejects.toThrow(NotFound);
    await expect(service.delete('DACH')).rejects.toThrow(NotFound);
    expect(territories.writes).toEqual([]);
  });

  it('given territories, when listed, then by key', async () => {
    const { service } = newTestService();
    await service.create({ key: 'b', name: 'B' });
    await service.create({ key: 'A', name: 'A' });

    expect((await service.list()).map((territory) => territory.key)).toEqual(['A', 'b']);
  });
});
