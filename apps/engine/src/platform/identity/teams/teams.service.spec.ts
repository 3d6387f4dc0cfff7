import { fakeAs } from '../../database/fake-as.js';
import { FakeTransactions } from '../../database/transactions.fake.js';
import type { Transactions } from '../../database/transactions.js';
import { Conflict, Invalid, NotFound } from '../../errors/domain-errors.js';
import { FakeUsersRepository } from '../users/users.repository.fake.js';
import type { UsersRepository } from '../users/users.repository.js';
import { FakeTeamsRepository } from './teams.repository.fake.js';
import type { TeamsRepository } from './teams.repository.js';
import { TeamsService } from './teams.service.js';

const UNKNOWN = '10000000-0000-4000-8000-000000000404';

function newTestService() {
  const users = new FakeUsersRepository();
  const teams = new FakeTeamsRepository(users);
  const transactions = new FakeTransactions();
  const service = new TeamsService(fakeAs<TeamsRepository>(teams), fakeAs<UsersRepository>(users), fakeAs<Transactions>(transactions));
  return { service, users, teams, transactions };
}

describe('TeamsService', () => {
  it('given a new name, when a team is created, then it is listed without members; given a taken name, then 409 naming the name', async () => {
    const { service } = newTestService();

    const created = await service.create('sales');

    expect(created).toMatchObject({ name: 'sales', members: [] });
    expect((await service.list()).map((team) => team.name)).toEqual(['sales']);
    await expect(service.create('sales')).rejects.toThrow(Conflict);
    await expect(service.create('sales')).rejects.toMatchObject({ details: [{ path: 'name', name: 'sales' }] });
  });

  it('given teams with members, when read, then each team names its members by username', async () => {
    const { service, users, teams } = newTestService();
    const sales = teams.seed('sales');
    users.seed({ username: 'zoe', team_ids: [sales.id] });
    users.seed({ username: 'ann', team_ids: [sales.id] });
    users.seed({ username: 'bob' });

    expect((await service.get(sales.id)).members).toEqual(['ann', 'zoe']);
    expect((await service.members(sales.id)).map((member) => member.username)).toEqual(['ann', 'zoe']);
  });

  it('given no such team, when read, renamed, deleted or its members touched, then 404 each time and nothing written', async () => {
    const { service, users, teams } = newTestService();
    users.seed({ username: 'ann' });

    await expect(service.get(UNKNOWN)).rejects.toThrow(NotFound);
    await expect(service.rename(UNKNOWN, 'x')).rejects.toThrow(NotFound);
    await expect(service.delete(UNKNOWN)).rejects.toThrow(NotFound);
    await expect(service.members(UNKNOWN)).rejects.toThrow(NotFound);
    await expect(service.addMember(UNKNOWN, 'ann')).rejects.toThrow(NotFound);
    await expect(service.removeMember(UNKNOWN, 'ann')).rejects.toThrow(NotFound);
    expect(users.byName('ann')?.team_ids).toEqual([]);
    expect(teams.writes.map((write) => write.method)).toEqual(['rename', 'lock']);
  });

  it("given another team's name, when a team is renamed to it, then 409 and the name stays", async () => {
    const { service, teams } = newTestService();
    const sales = teams.seed('sales');
    teams.seed('support');

    await expect(service.rename(sales.id, 'support')).rejects.toThrow(Conflict);
    expect((await service.rename(sales.id, 'field sales')).name).toBe('field sales');
  });

  describe('members', () => {
    it('given a user, when added twice, then they are a member once', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      users.seed({ username: 'ann' });

      await service.addMember(sales.id, 'ann');
      const view = await service.addMember(sales.id, 'ann');

      expect(view.members).toEqual(['ann']);
      expect(users.byName('ann')?.team_ids).toEqual([sales.id]);
    });

    it('given no such user, when added, then 400 naming username', async () => {
      const { service, teams } = newTestService();
      const sales = teams.seed('sales');

      await expect(service.addMember(sales.id, 'nobody')).rejects.toThrow(Invalid);
      await expect(service.addMember(sales.id, 'nobody')).rejects.toMatchObject({ details: [{ path: 'username' }] });
    });

    it('given a member, when removed, then the team no longer lists them; removed again, then 404', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      users.seed({ username: 'ann', team_ids: [sales.id] });

      expect((await service.removeMember(sales.id, 'ann')).members).toEqual([]);
      await expect(service.removeMember(sales.id, 'ann')).rejects.toThrow(NotFound);
    });
  });

  describe('delete', () => {
    it('given territories name the team, when deleted, then 409 naming each territory, and the team and its members stay', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      users.seed({ username: 'ann', team_ids: [sales.id] });
      teams.territories.set(sales.id, ['north', 'east']);

      const deleting = service.delete(sales.id);

      await expect(deleting).rejects.toThrow(Conflict);
      await expect(deleting).rejects.toMatchObject({
        message: `team ${sales.id} is the team of territories "east", "north": change them first`,
        details: [{ territory: 'east' }, { territory: 'north' }],
      });
      expect(teams.rows).toHaveLength(1);
      expect(users.byName('ann')?.team_ids).toEqual([sales.id]);
    });

    it('given one territory names the team, when deleted, then the message says territory and it', async () => {
      const { service, teams } = newTestService();
      const sales = teams.seed('sales');
      teams.territories.set(sales.id, ['north']);

      await expect(service.delete(sales.id)).rejects.toThrow(`team ${sales.id} is the team of territory "north": change it first`);
    });

    it('given no territory names the team, when deleted, then the team is gone and its members stay users without it, all in one transaction after locking the team', async () => {
      const { service, users, teams, transactions } = newTestService();
      const sales = teams.seed('sales');
      const support = teams.seed('support');
      users.seed({ username: 'ann', team_ids: [sales.id, support.id] });

      await service.delete(sales.id);

      expect(teams.rows.map((team) => team.name)).toEqual(['support']);
      expect(users.byName('ann')?.team_ids).toEqual([support.id]);
      expect(transactions.runs).toBe(1);
      const inTransaction = [...teams.writes, ...users.writes].filter((write) => write.db === transactions.tx).map((write) => write.method);
      expect(inTransaction.sort()).toEqual(['delete', 'lock', 'removeTeamFromAll']);
      expect(teams.writes.map((write) => write.method)).toEqual(['lock', 'delete']);
    });
  });
});
