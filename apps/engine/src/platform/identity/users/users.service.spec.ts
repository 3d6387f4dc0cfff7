import { Conflict, Invalid, NotFound } from '../../errors/domain-errors.js';
import { newIdentityServices } from '../identity.testing.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import type { NewUser } from './users.service.js';

function newTestService(env: NodeJS.ProcessEnv = {}) {
  const { usersService, users, teams, status, throttles } = newIdentityServices(env);
  return { service: usersService, users, teams, status, throttles };
}

const newUser = (input: Partial<NewUser> = {}): NewUser => ({
  username: 'ann',
  password: 'correct horse',
  roles: ['seller'],
  teamIds: [],
  skills: [],
  ...input,
});

describe('UsersService', () => {
  describe('ensureAdmin', () => {
    it('given no users and STAGEFLOW_ADMIN_PASSWORD, when ensured, then "admin" exists with the admin role and that password, hashed', async () => {
      const { service, users } = newTestService({ STAGEFLOW_ADMIN_PASSWORD: 'first-start-pw' });

      await service.ensureAdmin();

      const admin = users.byName('admin');
      expect(admin?.roles).toEqual(['admin']);
      expect(admin?.password_hash).not.toBe('first-start-pw');
      expect(await verifyPassword(admin!.password_hash, 'first-start-pw')).toBe(true);
    });

    it('given a user already exists, when ensured, then no admin is created', async () => {
      const { service, users } = newTestService({ STAGEFLOW_ADMIN_PASSWORD: 'first-start-pw' });
      users.seed({ username: 'ann' });

      await service.ensureAdmin();

      expect(users.rows.map((row) => row.username)).toEqual(['ann']);
    });

    it('given no password configured, when ensured, then a generated one is printed once and it signs the admin in', async () => {
      const { service } = newTestService();
      const printed: string[] = [];
      const write = process.stdout.write;
      process.stdout.write = ((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
      try {
        await service.ensureAdmin();
      } finally {
        process.stdout.write = write;
      }

      const password = /password "([^"]+)"/.exec(printed.join(''))?.[1];
      expect(password).toBeDefined();
      expect((await service.authenticate('admin', password!))?.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    });
  });

  describe('create', () => {
    it('given existing teams, when a user is created in them, then the view names the teams and the password is stored only as a hash', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');

      const view = await service.create(newUser({ teamIds: [sales.id], skills: ['German'] }));

      expect(view).toMatchObject({ username: 'ann', roles: ['seller'], teamIds: [sales.id], teams: ['sales'], skills: ['German'] });
      expect(view).not.toHaveProperty('password_hash');
      expect(await verifyPassword(users.byName('ann')!.password_hash, 'correct horse')).toBe(true);
    });

    it('given a team id that does not exist, when a user is created, then 400 names teamIds and the missing id, and no user is written', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      const gone = '10000000-0000-4000-8000-00000000dead';

      const creating = service.create(newUser({ teamIds: [sales.id, gone] }));

      await expect(creating).rejects.toThrow(Invalid);
      await expect(creating).rejects.toMatchObject({ details: [{ path: 'teamIds', message: `unknown team ids: ${gone}` }] });
      expect(users.rows).toEqual([]);
    });

    it('given a user of that name, when another is created with it, then 409', async () => {
      const { service, users } = newTestService();
      users.seed({ username: 'ann' });

      await expect(service.create(newUser())).rejects.toThrow(Conflict);
    });
  });

  describe('reading', () => {
    it('given users in teams, when listed, then each carries the names of its own teams only, by username', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      const support = teams.seed('support');
      users.seed({ username: 'bob', team_ids: [support.id] });
      users.seed({ username: 'ann', team_ids: [sales.id, support.id] });

      const list = await service.list();

      expect(list.map((user) => [user.username, user.teams])).toEqual([
        ['ann', ['sales', 'support']],
        ['bob', ['support']],
      ]);
    });

    it('given no such user, when read, then 404', async () => {
      const { service } = newTestService();

      await expect(service.get('00000000-0000-4000-8000-000000000404')).rejects.toThrow(NotFound);
    });
  });

  describe('setSkills', () => {
    it('given a user, when skills are set, then they replace the old ones and the view shows them', async () => {
      const { service, users } = newTestService();
      const ann = users.seed({ username: 'ann', skills: ['French'] });

      const view = await service.setSkills(ann.id, ['German', 'Solar']);

      expect(view.skills).toEqual(['German', 'Solar']);
      expect(users.byName('ann')?.skills).toEqual(['German', 'Solar']);
    });

    it('given no such user, when skills are set, then 404', async () => {
      const { service } = newTestService();

      await expect(service.setSkills('00000000-0000-4000-8000-000000000404', [])).rejects.toThrow(NotFound);
    });
  });

  describe('authenticate', () => {
    it('given the right password, then the user with their team names; given a wrong one or an unknown user, then nothing', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      users.seed({ username: 'ann', password_hash: await hashPassword('correct horse'), team_ids: [sales.id] });

      expect((await service.authenticate('ann', 'correct horse'))?.user).toMatchObject({ username: 'ann', teams: ['sales'] });
      expect(await service.authenticate('ann', 'wrong horse')).toBeUndefined();
      expect(await service.authenticate('nobody', 'correct horse')).toBeUndefined();
    });

    it('given a user whose team ids name a team that is gone, when found by id, then the view has the teams that exist (no 400)', async () => {
      const { service, users, teams } = newTestService();
      const sales = teams.seed('sales');
      const ann = users.seed({ username: 'ann', team_ids: [sales.id, '10000000-0000-4000-8000-00000000dead'] });

      expect((await service.findById(ann.id))?.teams).toEqual(['sales']);
      expect(await service.findById('00000000-0000-4000-8000-000000000404')).toBeUndefined();
    });
  });

  describe('usernames', () => {
    it('given "admin", when "ADMIN" or " admin " is created, then 409; a new name is stored trimmed', async () => {
      const { service, users } = newTestService();
      users.seed({ username: 'admin' });

      await expect(service.create(newUser({ username: 'ADMIN' }))).rejects.toThrow(Conflict);
      await expect(service.create(newUser({ username: ' admin ' }))).rejects.toThrow(Conflict);
      expect((await service.create(newUser({ username: '  Ann ' }))).username).toBe('Ann');
    });

    it('given "Ann", when signing in as " ann ", then it is her', async () => {
      const { service, users } = newTestService();
      users.seed({ username: 'Ann', password_hash: await hashPassword('correct horse') });

      expect((await service.authenticate(' ann ', 'correct horse'))?.user.username).toBe('Ann');
    });
  });

  describe('life cycle', () => {
    it('given a user, when an admin resets the password, then the old one fails, the new one works, the token epoch moves on and a sign-in lock is lifted', async () => {
      const { service, users, throttles } = newTestService();
      const ann = users.seed({ username: 'ann', password_hash: await hashPassword('correct horse') });
      throttles.rows.set('user:ann', {
        key: 'user:ann',
        failures: 10,
        last_failure_at: new Date(throttles.now),
        locked_until: new Date(throttles.now + 60_000),
      });

      const view = await service.resetPassword(ann.id, 'battery staple');

      expect(view).toMatchObject({ username: 'ann', active: true });
      expect(await service.authenticate('ann', 'correct horse')).toBeUndefined();
      expect((await service.authenticate('ann', 'battery staple'))?.tokenEpoch).toBe(1);
      expect(throttles.rows.has('user:ann')).toBe(false);
    });

    it('given a user, when deactivated, then the view says so and the right password no longer signs in; activated, it does again', async () => {
      const { service, users } = newTestService();
      const ann = users.seed({ username: 'ann', password_hash: await hashPassword('correct horse') });

      expect((await service.setActive(ann.id, false)).active).toBe(false);
      expect(await service.authenticate('ann', 'correct horse')).toBeUndefined();
      expect((await service.setActive(ann.id, true)).active).toBe(true);
      expect(await service.authenticate('ann', 'correct horse')).toMatchObject({ tokenEpoch: 1 });
    });

    it('given the wrong old password, when changing it, then nothing changes; given no such user, then 404', async () => {
      const { service, users } = newTestService();
      const ann = users.seed({ username: 'ann', password_hash: await hashPassword('correct horse') });

      expect(await service.changePassword(ann.id, 'wrong horse', 'battery staple')).toBeUndefined();
      expect(users.byName('ann')?.token_epoch).toBe(0);
      await expect(service.changePassword('00000000-0000-4000-8000-000000000404', 'x', 'battery staple')).rejects.toThrow(NotFound);
      await expect(service.setActive('00000000-0000-4000-8000-000000000404', false)).rejects.toThrow(NotFound);
      await expect(service.resetPassword('00000000-0000-4000-8000-000000000404', 'battery staple')).rejects.toThrow(NotFound);
    });
  });
});
