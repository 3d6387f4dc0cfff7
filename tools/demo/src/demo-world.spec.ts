import { packageFiles, packageRuleSets } from '../../../process-definitions/support/package-scenario.js';
import { DEMO_PARAMETERS, DEMO_TEAMS, DEMO_USERS, TERRITORIES } from './demo-world.js';

const STANDARD_PACKAGES = ['lead', 'opportunity', 'account'];

interface AssignmentResult {
  team?: string;
  skills?: string[];
}

/** Every team and skill the standard packages' assignment rule sets name (rules and fallbacks). */
async function namedByRuleSets(): Promise<{ teams: Set<string>; skills: Set<string> }> {
  const teams = new Set<string>();
  const skills = new Set<string>();
  for (const name of STANDARD_PACKAGES)
    for (const ruleSet of packageRuleSets(await packageFiles(name)).values()) {
      if (ruleSet.kind !== 'assignment') continue;
      const results = [...ruleSet.rules.map((rule) => rule.result), ruleSet.fallback] as (AssignmentResult | undefined)[];
      for (const result of results) {
        if (result?.team !== undefined) teams.add(result.team);
        for (const skill of result?.skills ?? []) skills.add(skill);
      }
    }
  return { teams, skills };
}

describe('the demo company and the standard packages', () => {
  it('when an assignment rule set of a standard package names a team then the demo creates it with a member, so its tasks find someone', async () => {
    const { teams } = await namedByRuleSets();

    expect([...teams]).toContain('account-managers');
    for (const team of teams) {
      expect(DEMO_TEAMS).toContain(team);
      expect(DEMO_USERS.filter((user) => (user.teams as string[]).includes(team)).length).toBeGreaterThan(0);
    }
  });

  it('when an assignment rule set asks for a skill then a demo seller has it', async () => {
    const { skills } = await namedByRuleSets();

    expect([...skills].sort()).toEqual(['enterprise', 'key-accounts']);
    for (const skill of skills) expect(DEMO_USERS.some((user) => user.roles.includes('seller') && user.skills.includes(skill))).toBe(true);
  });

  it('when the demo sets a parameter that names users or teams then each is a demo user or team, and the package has that parameter', async () => {
    const usernames = DEMO_USERS.map((user) => user.username);
    expect(DEMO_PARAMETERS.lead!.notifyUsers!.every((name) => usernames.includes(name))).toBe(true);
    expect(DEMO_PARAMETERS.opportunity!.dealTeams!.every((team) => (DEMO_TEAMS as readonly string[]).includes(team))).toBe(true);
    for (const [name, values] of Object.entries(DEMO_PARAMETERS)) {
      const manifest = JSON.parse((await packageFiles(name)).find((file) => file.path === 'manifest.json')!.content) as {
        parameters: { properties: Record<string, unknown> };
      };
      for (const parameter of Object.keys(values)) expect(Object.keys(manifest.parameters.properties)).toContain(parameter);
    }
  });

  it('when a territory names its team and default owner then both are in the demo', () => {
    for (const territory of TERRITORIES) {
      expect(DEMO_TEAMS).toContain(territory.team);
      expect(DEMO_USERS.find((user) => user.username === territory.defaultOwner)?.teams).toContain(territory.team);
    }
  });
});
