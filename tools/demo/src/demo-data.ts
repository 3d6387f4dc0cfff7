// Fills an engine with the demo: the company set up, then the plan played through the standard
// processes — organizations and contacts, leads, then every deal (conversions' and sellers') moved
// to its stage — each phase with several users at once, as a sales team works.
import { forEachConcurrently, type DemoApi } from './demo-api.js';
import { demoPlan, type DemoScale } from './demo-plan.js';
import { DemoRecords, type MadeDeal, type MadeOrganization } from './demo-records.js';
import { setUpCompany } from './demo-setup.js';

export interface DemoOptions {
  seed: number;
  scale: DemoScale;
  /** Requests in flight at once. */
  concurrency: number;
  /** Passwords of the demo users by username. */
  passwords: ReadonlyMap<string, string>;
  log: (line: string) => void;
}

/** Seconds each phase took. */
export type DemoTimings = Record<'setup' | 'organizations' | 'leads' | 'deals', number>;

export async function fillDemo(admin: DemoApi, options: DemoOptions): Promise<DemoTimings> {
  const plan = demoPlan(options.seed, options.scale);
  const timings: Partial<DemoTimings> = {};
  const phase = async <T>(name: keyof DemoTimings, what: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    options.log(`${what} ...`);
    const result = await work();
    timings[name] = (Date.now() - started) / 1000;
    options.log(`${what}: ${timings[name].toFixed(1)} s`);
    return result;
  };

  const company = await phase('setup', 'teams, users, territories, parameters', () => setUpCompany(admin, options.passwords));
  const records = new DemoRecords(company);

  const organizations = new Map<number, MadeOrganization>();
  await phase('organizations', `${plan.organizations.length} organizations with their contacts`, () =>
    forEachConcurrently(plan.organizations, options.concurrency, async (organization) => {
      organizations.set(organization.key, await records.organization(organization));
    }),
  );

  const conversions = new Map<number, { dealId: string; contactId: string; contactEmail: string }>();
  await phase('leads', `${plan.leads.length} leads through the lead process`, () =>
    forEachConcurrently(plan.leads, options.concurrency, async (lead) => {
      const converted = await records.lead(lead);
      if (converted) conversions.set(lead.key, converted);
    }),
  );

  await phase('deals', `${plan.deals.length} deals through the opportunity process`, () =>
    forEachConcurrently(plan.deals, options.concurrency, async (deal) => {
      let made: MadeDeal;
      if ('lead' in deal.source) {
        const converted = conversions.get(deal.source.lead);
        if (!converted) throw new Error(`lead ${deal.source.lead} was to be converted and was not`);
        made = { plan: deal, id: converted.dealId, contactId: converted.contactId, contactEmail: converted.contactEmail };
      } else {
        const organizationPlan = plan.organizations[deal.source.organization]!;
        const organization = organizations.get(organizationPlan.key)!;
        const id = await records.openDeal(deal, organization, organizationPlan.seller);
        made = { plan: deal, id, contactId: organization.contacts[0]?.id ?? null, contactEmail: organization.contacts[0]?.email ?? 'buyer@example.com' };
      }
      await records.playDeal(made);
    }),
  );
  return timings as DemoTimings;
}
