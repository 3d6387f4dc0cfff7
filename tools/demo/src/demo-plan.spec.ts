import { evaluateRuleSet, packageFiles, packageRuleSets } from '../../../process-definitions/support/package-scenario.js';
import { DEAL_STAGES, FULL_SCALE, LEAD_FATES, demoPlan, isBantFit, type LeadPlan } from './demo-plan.js';

const DAY = 86_400_000;

describe('demoPlan', () => {
  const plan = demoPlan(12, FULL_SCALE);

  it('when the same seed plans twice then the plans are the same, and another seed plans other data', () => {
    expect(demoPlan(12, FULL_SCALE)).toEqual(plan);
    expect(demoPlan(13, FULL_SCALE).leads.map((lead) => lead.person.email)).not.toEqual(plan.leads.map((lead) => lead.person.email));
  });

  it('when planned at full scale then there are 300 leads in every fate by its share and 120 deals in every stage', () => {
    expect(plan.leads).toHaveLength(300);
    for (const [fate, share] of Object.entries(LEAD_FATES)) expect(plan.leads.filter((lead) => lead.fate === fate)).toHaveLength(share * 3);
    expect(plan.deals).toHaveLength(120);
    for (const stage of DEAL_STAGES) expect(plan.deals.filter((deal) => deal.stage === stage).length).toBeGreaterThanOrEqual(15);
  });

  it('when a lead is converted then it brings one deal, and the other deals are on organizations the demo enters', () => {
    const converted = plan.leads.filter((lead) => lead.fate === 'converted').map((lead) => lead.key);
    const fromLeads = plan.deals.flatMap((deal) => ('lead' in deal.source ? [deal.source.lead] : []));
    expect(fromLeads.sort((a, b) => a - b)).toEqual(converted);
    for (const deal of plan.deals) if ('organization' in deal.source) expect(plan.organizations[deal.source.organization]).toBeDefined();
  });

  it('when there are fewer deals than conversions then the surplus leads stay with the seller instead', () => {
    const small = demoPlan(12, { leads: 50, deals: 3 });
    expect(small.leads.filter((lead) => lead.fate === 'converted')).toHaveLength(3);
    expect(small.deals).toHaveLength(3);
  });

  it('when the lead package classifies the planned BANT answers then each lead lands where its fate needs it', async () => {
    const bant = packageRuleSets(await packageFiles('lead')).get('lead-bant')!;
    const now = new Date();
    const classify = (lead: LeadPlan) => {
      const timeline = new Date(now.getTime() + lead.bant.timelineDays * DAY).toISOString().slice(0, 10);
      const record = { budget: lead.bant.budget ?? null, authority: lead.bant.authority, need: lead.bant.need, timeline };
      return (evaluateRuleSet(bant, { record }, now.toISOString()) as { classification: string }).classification;
    };
    for (const lead of plan.leads) expect([lead.fate, classify(lead)]).toEqual([lead.fate, isBantFit(lead.fate) ? 'expected-buyer' : 'nurturable']);
  });

  it('when people are planned then their e-mails are unique (the CRM refuses duplicate contacts)', () => {
    const emails = [
      ...plan.leads.map((lead) => lead.person.email),
      ...plan.organizations.flatMap((organization) => organization.contacts.map((contact) => contact.email)),
    ];
    expect(new Set(emails).size).toBe(emails.length);
  });
});
