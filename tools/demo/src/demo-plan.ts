// What the demo makes, decided up front from a seed: every lead with its BANT answers and what the
// seller makes of it, every organization with its contacts, every deal with the stage it ends in
// and the activities around it. The generator (demo-data.ts) then plays the plan through the API.
import { COUNTRIES, LANDING_PAGES, SELLERS, type Region } from './demo-world.js';
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  COMPETITORS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  LEGAL_FORMS,
  LOST_REASONS,
  NEEDS,
  WIN_REASONS,
} from './names.js';
import { Random, spread } from './random.js';

export interface DemoScale {
  leads: number;
  deals: number;
}

export const FULL_SCALE: DemoScale = { leads: 300, deals: 120 };

/**
 * What becomes of a lead. BANT fit (expected buyer): converted by the seller at the first
 * contact (organization, contact and deal), still waiting for the first contact, or disqualified
 * (no prospect). No BANT fit (nurturable): nurtured with newsletters, or promoted to expected
 * buyer by clicks in them.
 */
export type LeadFate = 'converted' | 'working' | 'disqualified' | 'promoted' | 'nurturing';

export const LEAD_FATES: Readonly<Record<LeadFate, number>> = { converted: 20, working: 20, disqualified: 10, promoted: 7, nurturing: 43 };

export function isBantFit(fate: LeadFate): boolean {
  return fate === 'converted' || fate === 'working' || fate === 'disqualified';
}

export const DEAL_STAGES = ['Identification', 'Qualification', 'Offer', 'Negotiation', 'Won', 'Lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const OPEN_STAGES: readonly DealStage[] = ['Identification', 'Qualification', 'Offer', 'Negotiation'];

const STAGE_SHARES: Readonly<Record<DealStage, number>> = { Identification: 20, Qualification: 20, Offer: 15, Negotiation: 15, Won: 15, Lost: 15 };

export interface PersonPlan {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface CompanyPlan {
  name: string;
  country: string;
  city: string;
  industry: string;
  region: Region;
}

export interface Bant {
  budget?: number;
  authority: 'decision-maker' | 'influencer' | 'user' | 'unknown';
  need: 'high' | 'medium' | 'low' | 'unknown';
  /** Days from today to the planned purchase. */
  timelineDays: number;
}

export interface LeadPlan {
  key: number;
  fate: LeadFate;
  region: Region;
  landingPage: string;
  title: string;
  person: PersonPlan;
  company: CompanyPlan;
  bant: Bant;
  /** The deal's value when the lead is converted. */
  dealValue: number;
}

export interface OrganizationPlan {
  key: number;
  company: CompanyPlan;
  seller: string;
  contacts: PersonPlan[];
}

export interface ActivityPlan {
  kind: 'call' | 'meeting' | 'email' | 'note';
  subject: string;
  /** Days from now: past ones are done. */
  days: number;
}

export interface DealPlan {
  key: number;
  /** A converted lead's deal (made by the lead process) or a deal a seller opens on an organization. */
  source: { lead: number } | { organization: number };
  name: string;
  value: number;
  stage: DealStage;
  /** For a lost deal: the open stage it was lost in. */
  lostIn: DealStage;
  lostReason: string;
  winReason: string;
  competitor: string;
  activities: ActivityPlan[];
}

export interface DemoPlan {
  leads: LeadPlan[];
  organizations: OrganizationPlan[];
  deals: DealPlan[];
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

class Planner {
  private people = 0;

  constructor(private readonly random: Random) {}

  company(region: Region): CompanyPlan {
    const country = this.random.pick(COUNTRIES[region]);
    const name = `${this.random.pick(COMPANY_WORDS)} ${this.random.pick(COMPANY_KINDS)} ${LEGAL_FORMS[country]}`;
    return { name, country, city: this.random.pick(CITIES[country]!), industry: this.random.pick(INDUSTRIES), region };
  }

  /** A person at `company`; the running number keeps e-mails and phones unique (the CRM's duplicate check). */
  person(company: CompanyPlan): PersonPlan {
    const number = ++this.people;
    const firstName = this.random.pick(FIRST_NAMES);
    const lastName = this.random.pick(LAST_NAMES);
    const prefix = { DE: '+49 40', AT: '+43 1', CH: '+41 44' }[company.country] ?? '+49 30';
    return {
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${number}@${slug(company.name)}.example`,
      phone: `${prefix} ${String(5550000 + number)}`,
    };
  }

  need(): string {
    return this.random.pick(NEEDS).replace('{n}', String(this.random.int(5, 120)));
  }

  /** Answers the BANT rule set (lead-bant) classifies as the fate says. */
  bant(fate: LeadFate): Bant {
    if (isBantFit(fate)) {
      // A budget of 100,000 or more goes to the enterprise seller (lead-assignment).
      const budget = this.random.chance(0.15) ? this.random.int(10, 40) * 10_000 : this.random.int(10, 95) * 1_000;
      return { budget, authority: 'decision-maker', need: this.random.chance(0.6) ? 'high' : 'medium', timelineDays: this.random.int(14, 170) };
    }
    return this.random.pick<Bant>([
      { budget: this.random.int(2, 9) * 1_000, authority: 'decision-maker', need: 'medium', timelineDays: this.random.int(60, 170) },
      { budget: this.random.int(10, 60) * 1_000, authority: 'influencer', need: 'high', timelineDays: this.random.int(30, 200) },
      { authority: 'user', need: this.random.pick(['medium', 'low'] as const), timelineDays: this.random.int(90, 365) },
      { budget: this.random.int(20, 80) * 1_000, authority: 'decision-maker', need: 'low', timelineDays: this.random.int(200, 400) },
    ]);
  }
}

/** The demo's leads, organizations and deals for `seed` at `scale`. */
export function demoPlan(seed: number, scale: DemoScale): DemoPlan {
  const random = new Random(seed);
  const planner = new Planner(random);
  const fates = random.shuffle(spread(scale.leads, LEAD_FATES));
  // Every conversion makes a deal: no more conversions than deals.
  let conversions = 0;
  const leads: LeadPlan[] = fates.map((planned, key) => {
    const fate = planned === 'converted' && ++conversions > scale.deals ? 'working' : planned;
    const region: Region = random.chance(0.65) ? 'north' : 'south';
    const company = planner.company(region);
    const bant = planner.bant(fate);
    return {
      key,
      fate,
      region,
      landingPage: random.pick(LANDING_PAGES[region]),
      title: planner.need(),
      person: planner.person(company),
      company,
      bant,
      dealValue: Math.round((bant.budget ?? 20_000) * (0.6 + random.next() * 0.5)),
    };
  });
  const converted = leads.filter((lead) => lead.fate === 'converted');
  const direct = scale.deals - converted.length;
  const organizations: OrganizationPlan[] = Array.from({ length: Math.ceil((direct * 2) / 3) }, (_, key) => {
    const region: Region = random.chance(0.65) ? 'north' : 'south';
    const company = planner.company(region);
    return {
      key,
      company,
      seller: random.pick(SELLERS[region]),
      contacts: Array.from({ length: random.int(1, 3) }, () => planner.person(company)),
    };
  });
  const stages = random.shuffle(spread(scale.deals, STAGE_SHARES));
  const sources: DealPlan['source'][] = [
    ...converted.map((lead) => ({ lead: lead.key })),
    ...Array.from({ length: direct }, (_, index) => ({ organization: index % Math.max(organizations.length, 1) })),
  ];
  const deals: DealPlan[] = sources.map((source, key) => {
    const stage = stages[key]!;
    const lostIn = random.pick(OPEN_STAGES);
    const reached = stage === 'Lost' ? OPEN_STAGES.indexOf(lostIn) : DEAL_STAGES.indexOf(stage);
    const company = 'lead' in source ? leads[source.lead]!.company : organizations[source.organization]!.company;
    return {
      key,
      source,
      name: 'lead' in source ? `${company.name}: ${leads[source.lead]!.title}` : `${company.name}: ${planner.need()}`,
      value: 'lead' in source ? leads[source.lead]!.dealValue : random.int(8, 180) * 1_000,
      stage,
      lostIn,
      lostReason: random.pick(LOST_REASONS),
      winReason: random.pick(WIN_REASONS),
      competitor: random.pick(COMPETITORS),
      activities: dealActivities(random, Math.min(reached, 3), stage === 'Won' || stage === 'Lost'),
    };
  });
  return { leads, organizations, deals };
}

/** The calls and meetings of a deal that got `reached` stages past Identification: done ones, and a planned next one while it is open. */
function dealActivities(random: Random, reached: number, closed: boolean): ActivityPlan[] {
  const done: ActivityPlan[] = [
    { kind: 'call', subject: 'Discovery call', days: -random.int(20, 40) },
    { kind: 'meeting', subject: 'Requirements workshop', days: -random.int(12, 19) },
    { kind: 'email', subject: 'Offer sent and explained', days: -random.int(6, 11) },
    { kind: 'meeting', subject: 'Negotiation meeting', days: -random.int(1, 5) },
  ].slice(0, reached + 1) as ActivityPlan[];
  return closed ? done : [...done, { kind: 'call', subject: 'Follow-up call', days: random.int(1, 10) }];
}
