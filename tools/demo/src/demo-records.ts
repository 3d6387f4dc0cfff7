// Playing the plan through the standard processes: leads come in through the web form and are
// worked by the sellers the lead process assigns, organizations and their contacts are entered by
// sellers, deals are moved across the board with what each stage's exit criteria ask for. Every
// record is made by an API call a user or an integration would make; the processes make the rest.
import { eventually, type DemoApi, type Json } from './demo-api.js';
import type { DemoCompany } from './demo-setup.js';
import { DEAL_STAGES, OPEN_STAGES, isBantFit, type DealPlan, type DealStage, type LeadPlan, type OrganizationPlan } from './demo-plan.js';

const DAY = 86_400_000;

function isoDate(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

function isoTime(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

interface Task {
  id: string;
  elementId: string;
  assignee: string | null;
}

/** What the demo made for an organization: its id and its contacts' ids and e-mails. */
export interface MadeOrganization {
  id: string;
  contacts: { id: string; email: string }[];
}

/** A deal as it came to be: by a conversion (the lead process) or entered by a seller. */
export interface MadeDeal {
  plan: DealPlan;
  id: string;
  contactId: string | null;
  contactEmail: string;
}

export class DemoRecords {
  constructor(private readonly company: DemoCompany) {}

  private get admin(): DemoApi {
    return this.company.admin;
  }

  private user(username: string | null): DemoApi {
    return (username !== null && this.company.users.get(username)) || this.admin;
  }

  private owner(record: Json): DemoApi {
    return this.user(this.company.usernames.get(String(record.ownerId)) ?? null);
  }

  /** The id of the instance a record's creation started. */
  private processOf(path: string): Promise<string> {
    return eventually(async () => {
      const process = await this.admin.get<{ instances: { id: string }[] }>(`${path}/process`);
      return process.instances[0]?.id;
    }, `the process of ${path}`);
  }

  private openTask(instanceId: string, elementId: string): Promise<Task> {
    return eventually(async () => {
      const tasks = await this.admin.get<{ items: Task[] }>(`/tasks?processInstanceId=${instanceId}&state=created`);
      return tasks.items.find((task) => task.elementId === elementId);
    }, `the task ${elementId} of instance ${instanceId}`);
  }

  /** Completes the task as its assignee (a manager's queue: as the admin). */
  private async complete(task: Task, variables: Json): Promise<void> {
    await this.user(task.assignee).post(`/tasks/${task.id}/complete`, { variables });
  }

  private recordWhen(path: string, what: string, probe: (record: Json) => boolean): Promise<Json> {
    return eventually(async () => {
      const record = await this.admin.get(path);
      return probe(record) ? record : undefined;
    }, what);
  }

  /** A seller enters an organization with its address and its contacts, each with a role there. */
  async organization(plan: OrganizationPlan): Promise<MadeOrganization> {
    const seller = this.user(plan.seller);
    const { company } = plan;
    const organization = await seller.post<{ id: string }>('/organizations', {
      name: company.name,
      industry: company.industry,
      relationType: 'prospect',
      addresses: [{ street: 'Hauptstrasse 1', city: company.city, country: company.country }],
      website: `https://www.${company.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
    });
    const contacts: MadeOrganization['contacts'] = [];
    for (const [index, person] of plan.contacts.entries()) {
      const contact = await seller.post<{ id: string }>('/contacts', {
        firstName: person.firstName,
        lastName: person.lastName,
        emails: [person.email],
        phones: [person.phone],
        preferredChannel: 'email',
      });
      await seller.post(`/contacts/${contact.id}/roles`, { organizationId: organization.id, role: index === 0 ? 'director' : 'buyer' });
      contacts.push({ id: contact.id, email: person.email });
    }
    return { id: organization.id, contacts };
  }

  /**
   * A lead from the web form, through the lead process: the duplicate check (not a duplicate),
   * the BANT classification by the package's rule set, then what the plan says the seller makes
   * of it. Answers the deal a conversion made.
   */
  async lead(plan: LeadPlan): Promise<{ dealId: string; contactId: string; contactEmail: string } | undefined> {
    const { person, bant } = plan;
    const lead = await this.admin.post<{ id: string }>('/leads', {
      channel: 'web-form',
      requestType: 'quote',
      title: plan.title,
      contactName: `${person.firstName} ${person.lastName}`,
      emails: [person.email],
      phones: [person.phone],
      landingPage: plan.landingPage,
      ...(bant.budget === undefined ? {} : { budget: bant.budget }),
      authority: bant.authority,
      need: bant.need,
      timeline: isoDate(bant.timelineDays),
    });
    const path = `/leads/${lead.id}`;
    const instanceId = await this.processOf(path);
    await this.complete(await this.openTask(instanceId, 'checkDuplicates'), { duplicate: false });
    if (!isBantFit(plan.fate)) {
      await eventually(
        async () => ((await this.admin.get<{ items: unknown[] }>(`/emails?processInstanceId=${instanceId}`)).items.length > 0 ? true : undefined),
        'the first newsletter',
      );
      if (plan.fate === 'nurturing') return undefined;
      // Two clicks in the newsletter (25 points each) reach the promotion score of 50.
      for (let click = 0; click < 2; click++) await this.admin.post('/messages', { name: 'lead-newsletter-clicked', correlationKey: lead.id });
      await this.openTask(instanceId, 'firstContact');
      return undefined;
    }
    const firstContact = await this.openTask(instanceId, 'firstContact');
    if (plan.fate === 'working') {
      // The call is the lead's owner's (the territory's); an enterprise seller working the task may not see the lead.
      const working = await this.recordWhen(path, 'the lead classified', (record) => record.status === 'working');
      await this.owner(working).post('/activities', {
        kind: 'call',
        subject: `Call ${person.firstName} ${person.lastName}`,
        leadId: lead.id,
        dueAt: isoTime(0.1),
        done: false,
      });
      return undefined;
    }
    if (plan.fate === 'disqualified') {
      await this.complete(firstContact, { outcome: 'disqualify', note: 'No project planned after all' });
      await this.recordWhen(path, 'the lead disqualified', (record) => record.classification === 'no-prospect');
      return undefined;
    }
    await this.complete(firstContact, {
      outcome: 'convert',
      companyName: plan.company.name,
      contactFirstName: person.firstName,
      contactLastName: person.lastName,
      dealValue: plan.dealValue,
      note: 'Demo booked, budget confirmed',
    });
    const converted = await this.recordWhen(path, 'the lead converted', (record) => record.status === 'converted');
    const deal = await eventually(
      async () => (await this.admin.get<{ items: { id: string }[] }>(`/opportunities?leadId=${lead.id}`)).items[0],
      'the deal of a conversion',
    );
    return { dealId: deal.id, contactId: String(converted.contactId), contactEmail: person.email };
  }

  /** A seller opens a deal on one of their organizations. */
  async openDeal(plan: DealPlan, organization: MadeOrganization, seller: string): Promise<string> {
    const deal = await this.user(seller).post<{ id: string }>('/opportunities', {
      name: plan.name,
      value: plan.value,
      currency: 'EUR',
      organizationId: organization.id,
      contactId: organization.contacts[0]?.id ?? null,
      expectedDecisionDate: isoDate(60),
    });
    return deal.id;
  }

  /**
   * Moves a deal across the board to its planned stage, each move with what the exit criteria
   * ask for (a next contact, the offer prepared, a reason and comment to close), and records the
   * calls and meetings around it.
   */
  async playDeal(made: MadeDeal): Promise<void> {
    const { plan, id } = made;
    const path = `/opportunities/${id}`;
    const instanceId = await this.processOf(path);
    const deal = await this.recordWhen(path, 'the deal at Identification', (record) => record.stage === 'Identification');
    const seller = this.owner(deal);
    const last: DealStage = plan.stage === 'Lost' ? plan.lostIn : plan.stage;
    await seller.patch(path, { nextContactAt: isoTime(3 + (plan.key % 10)), custom: { competitor: plan.competitor } });
    const moves = DEAL_STAGES.slice(1, DEAL_STAGES.indexOf(last) + 1);
    for (const stage of moves) {
      if (stage === 'Negotiation') await this.prepareOffer(instanceId, made, 0);
      if (stage === 'Won')
        await seller.patch(path, { outcomeComment: 'Signed after a fair negotiation', custom: { winReason: plan.winReason, competitor: plan.competitor } });
      await seller.post(`${path}/stage`, { stage });
    }
    // Half the deals sitting at Offer have the offer prepared, to go out in a few days.
    if (last === 'Offer' && plan.key % 2 === 0) await this.prepareOffer(instanceId, made, 3);
    if (plan.stage === 'Lost') {
      await seller.patch(path, { lostReason: plan.lostReason, outcomeComment: `Lost at ${plan.lostIn}` });
      await seller.post(`${path}/stage`, { stage: 'Lost', reason: plan.lostReason });
    }
    for (const activity of plan.activities)
      await seller.post('/activities', {
        kind: activity.kind,
        subject: activity.subject,
        opportunityId: id,
        ...(made.contactId === null ? {} : { contactId: made.contactId }),
        dueAt: isoTime(activity.days),
        done: activity.days < 0,
      });
    if (OPEN_STAGES.includes(plan.stage)) return;
    await this.recordWhen(path, 'the deal closed', (record) => record.outcome !== null);
  }

  private async prepareOffer(instanceId: string, made: MadeDeal, sendInDays: number): Promise<void> {
    await this.complete(await this.openTask(instanceId, 'prepareOffer'), {
      offerRecipient: made.contactEmail,
      offerSendOn: isoDate(sendInDays),
      offerSummary: `${made.plan.name}: hardware, installation and three years of service`,
      offerValidUntil: isoDate(sendInDays + 30),
    });
  }
}
