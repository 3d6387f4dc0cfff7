// The company before its first lead: teams, users, territories with their rule set, and the
// standard packages' parameters that name them — an administrator's work, done over the API.
import { DemoApi, type Json } from './demo-api.js';
import { DEMO_PARAMETERS, DEMO_TEAMS, DEMO_USERS, TERRITORIES, territoryRuleSet, type DemoTeam } from './demo-world.js';

export interface DemoCompany {
  admin: DemoApi;
  /** Every demo user's API by username (the admin's included). */
  users: ReadonlyMap<string, DemoApi>;
  /** Username by user id (records name their owner by id). */
  usernames: ReadonlyMap<string, string>;
}

const STANDARD_PACKAGES = ['lead', 'opportunity', 'account'];

async function setParameters(admin: DemoApi, name: string, values: Json): Promise<void> {
  const current = await admin.get<{ values: Json }>(`/packages/${name}/parameters`);
  await admin.put(`/packages/${name}/parameters`, { ...current.values, ...values });
}

/** Sets the company up; `passwords` by username for the users it creates. */
export async function setUpCompany(admin: DemoApi, passwords: ReadonlyMap<string, string>): Promise<DemoCompany> {
  const deployed = (await admin.get<{ items: { name: string }[] }>('/packages')).items.map((pkg) => pkg.name);
  const missing = STANDARD_PACKAGES.filter((name) => !deployed.includes(name));
  if (missing.length > 0) throw new Error(`the engine has not deployed the standard packages ${missing.join(', ')} (is STAGEFLOW_STANDARD_PACKAGES off?)`);

  const teamIds = new Map<DemoTeam, string>();
  for (const team of DEMO_TEAMS) teamIds.set(team, (await admin.post<{ id: string }>('/teams', { name: team })).id);
  const users = new Map<string, DemoApi>([['admin', admin]]);
  const usernames = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const password = passwords.get(user.username);
    if (password === undefined) throw new Error(`no password for ${user.username}`);
    const created = await admin.post<{ id: string }>('/users', {
      username: user.username,
      password,
      roles: user.roles,
      teamIds: user.teams.map((team) => teamIds.get(team)),
      skills: user.skills,
    });
    usernames.set(created.id, user.username);
    users.set(user.username, await admin.login(user.username, password));
  }
  for (const territory of TERRITORIES) await admin.post('/territories', territory);
  await admin.post('/deployments', {
    name: 'demo territories',
    resources: [{ name: 'demo-regions.rule-set.json', content: JSON.stringify(territoryRuleSet()) }],
  });
  for (const [name, values] of Object.entries(DEMO_PARAMETERS)) await setParameters(admin, name, values);
  return { admin, users, usernames };
}
