// `npm run demo`'s data generator (tools/demo) at a small scale against an engine that deployed the
// standard packages at start-up: every lead, deal and organization the plan names is made through
// the API and ends where the plan says, as the engine reports it, with no incident on the way.
import { join } from 'node:path';
import { DemoApi } from '../../../tools/demo/src/demo-api.js';
import { fillDemo } from '../../../tools/demo/src/demo-data.js';
import { demoPlan, type LeadFate } from '../../../tools/demo/src/demo-plan.js';
import { settledCounts } from '../../../tools/demo/src/demo-summary.js';
import { DEMO_USERS } from '../../../tools/demo/src/demo-world.js';
import { setupEngineSuite } from './support/engine-suite.js';
import { REPO_ROOT } from './support/engine-process.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_STANDARD_PACKAGES: join(REPO_ROOT, 'process-definitions') } });
const SEED = 5;
const SCALE = { leads: 24, deals: 12 };

/** The classification the lead process gives each fate. */
const CLASSIFICATION: Record<LeadFate, string> = {
  converted: 'expected-buyer',
  working: 'expected-buyer',
  promoted: 'expected-buyer',
  disqualified: 'no-prospect',
  nurturing: 'nurturable',
};

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('the demo data', () => {
  it('when the demo fills a fresh engine then the leads, deals and organizations end as planned, by the standard processes', async () => {
    const passwords = new Map(DEMO_USERS.map((user) => [user.username, `${user.username}-demo-password`]));
    const admin = new DemoApi(suite.engine().url, suite.adminToken());

    await fillDemo(admin, { seed: SEED, scale: SCALE, concurrency: 6, passwords, log: () => undefined });

    const plan = demoPlan(SEED, SCALE);
    const counts = await settledCounts(admin);
    expect(counts.leads).toEqual(tally(plan.leads.map((lead) => CLASSIFICATION[lead.fate])));
    expect(counts.opportunities).toEqual(tally(plan.deals.map((deal) => deal.stage)));
    const conversions = plan.leads.filter((lead) => lead.fate === 'converted').length;
    expect(counts.organizations).toBe(plan.organizations.length + conversions);
    expect(counts.contacts).toBe(plan.organizations.reduce((sum, organization) => sum + organization.contacts.length, 0) + conversions);
    expect(counts.openIncidents).toBe(0);
    // Won deals started account management; each closed deal's process ended.
    expect(counts.processInstances['account-management active']).toBe(plan.deals.filter((deal) => deal.stage === 'Won').length);
    // The records were made by the processes and the users, not by the admin: each deal has a seller.
    const deals = (await suite.as(suite.adminToken()).get('/opportunities?limit=200')).body.items as { ownerId: string | null }[];
    expect(deals.every((deal) => deal.ownerId !== null)).toBe(true);
    for (const user of DEMO_USERS) await suite.login(user.username, passwords.get(user.username)!);

    // The teams the packages assign to exist: no task waits in the unsorted queue for want of its team
    // (the account package's `account-managers`), and the won deals' onboarding went to that team's member.
    const asAdmin = suite.as(suite.adminToken());
    const unsorted = (await asAdmin.get('/tasks?queue=unsorted&limit=200')).body.items as { name: string; assignment: { reason: string } | null }[];
    expect(unsorted.filter((task) => /is not a team|has no members/.test(task.assignment?.reason ?? ''))).toEqual([]);
    const kims = (await asAdmin.get('/tasks?assignee=kim&state=created&limit=200')).body.items as { elementId: string }[];
    const smallWins = plan.deals.filter((deal) => deal.stage === 'Won' && deal.value < 100000).length;
    expect(smallWins).toBeGreaterThan(0);
    expect(kims.filter((task) => task.elementId === 'onboard')).toHaveLength(smallWins);
  });
});
