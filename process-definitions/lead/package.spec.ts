// The lead package's process logic, run by the pure interpreter with the package's rule sets and
// default parameters: classification, the first-contact SLA, conversion, and the nurturing loop
// (newsletters, engagement from opens and clicks, the last chance, parking). The API suite
// apps/engine/test/standard-lead.e2e-spec.ts drives the same package through the engine.
import type { ScenarioInstance } from '@stageflow/bpmn-runtime';
import { parseCustomFieldSchema } from '@stageflow/process-package';
import { completeAction, packageFiles, packageProblems, packageScenario, parameterDefaults, renderedAction, runActions } from '../support/package-scenario.js';

const NOW = '2026-03-02T09:00:00.000Z';
const FILES = await packageFiles('lead');
const DEFAULTS = parameterDefaults(FILES);
const NEWSLETTERS = ['sendNewsletter', 'sendLastChance'];

const hotLead = {
  title: 'Fleet tracking for 40 vans',
  contactName: 'Jane Doe',
  emails: ['jane.doe@acme.example'],
  budget: 50000,
  authority: 'decision-maker',
  need: 'high',
  timeline: '2026-04-15',
  territory: 'north',
};
const coldLead = { ...hotLead, authority: 'influencer', need: 'low', budget: 2000 };

async function startLead(record: Record<string, unknown>, params: Record<string, number | string> = {}): Promise<ScenarioInstance> {
  const scenario = await packageScenario('lead', { now: NOW, params, record: () => record });
  const instance = scenario.start({ variables: { recordType: 'lead', recordId: 'lead-1' }, businessKey: 'lead:lead-1' });
  instance.complete('checkDuplicates', { duplicate: false });
  return instance;
}

/** Runs the nurturing loop's due newsletter: the send, then the cadence timer. */
function newsletterGoesUnopened(instance: ScenarioInstance, sendElement = 'sendNewsletter', waitElement = 'waitCadence'): void {
  completeAction(instance, sendElement);
  instance.fireTimer(waitElement);
}

describe('the lead package', () => {
  it('offers the company sizes as titled choices', () => {
    const parsed = parseCustomFieldSchema(FILES.find((file) => file.path === 'lead.fields.json')!.content);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.schema.properties.companySize.oneOf).toEqual([
      { const: '1-9', title: '1 to 9' },
      { const: '10-49', title: '10 to 49' },
      { const: '50-249', title: '50 to 249' },
      { const: '250-999', title: '250 to 999' },
      { const: '1000+', title: '1,000 or more' },
    ]);
  });

  it('validates as a package with no problems', async () => {
    expect(await packageProblems('lead')).toEqual([]);
  });

  it('declares the parameters an analyst tunes, with the defaults of the standard process', () => {
    expect(DEFAULTS).toMatchObject({ firstContactSlaHours: 4, promoteScore: 50, maxUnopened: 11, newsletterCadence: 'P14D', notifyUsers: [], currency: 'EUR' });
  });

  it('closes a duplicate without classifying it', async () => {
    const scenario = await packageScenario('lead', { now: NOW, record: () => hotLead });
    const instance = scenario.start({ variables: { recordType: 'lead', recordId: 'lead-1' } });
    instance.complete('checkDuplicates', { duplicate: true, duplicateOf: 'lead-0' });
    expect(runActions(instance)).toEqual(['markDuplicate']);
    expect(instance.status).toBe('completed');
    expect(instance.entered()).not.toContain('classify');
  });

  it('classifies a BANT fit as expected buyer: a first-contact task due within the SLA, assigned by the assignment rule set, escalated when late, then converted', async () => {
    const instance = await startLead(hotLead);
    expect(instance.variables.bant).toEqual({ classification: 'expected-buyer', reason: 'Budget, authority, need and timeline fit' });
    expect(runActions(instance)).toEqual(['markExpectedBuyer', 'startBuyerPlan']);

    const task = instance.task('firstContact');
    expect(task.dueAt).toBe('2026-03-02T13:00:00.000Z');
    expect(task.assignment).toMatchObject({ ruleSet: 'lead-assignment', decision: { strategy: 'territoryOwner' } });
    expect(instance.timer('firstContactLate').dueAt).toBe('2026-03-02T13:00:00.000Z');

    instance.fireTimer('firstContactLate');
    expect(runActions(instance)).toEqual(['escalateLate']);
    expect(instance.waitingAt()).toEqual(['firstContact']);

    instance.complete('firstContact', { outcome: 'convert', companyName: 'Acme', contactLastName: 'Doe', dealValue: 30000 }, 'sam');
    expect(
      runActions(instance, {
        createOrganization: { organizationId: 'org-1' },
        createContact: { contactId: 'contact-1' },
        createOpportunity: { opportunityId: 'opp-1' },
      }),
    ).toEqual(['giveToConverter', 'createOrganization', 'createContact', 'createOpportunity', 'markConverted']);
    expect(instance.status).toBe('completed');
    expect(instance.entered()).toContain('converted');
  });

  it('gives an unowned lead, and so its deal, to the seller who converts it, saying why in its history', async () => {
    const instance = await startLead(hotLead);
    runActions(instance);

    instance.complete('firstContact', { outcome: 'convert', companyName: 'Acme', contactLastName: 'Doe', dealValue: 30000, contactedBy: 'mallory' }, 'sam');

    expect(instance.variables.contactedBy).toBe('sam');
    expect(runActions(instance, {}, ['createOrganization'])).toEqual(['giveToConverter']);
    const give = instance.effectsOf('ActionRequested').find((action) => action.elementId === 'giveToConverter')!;
    expect(renderedAction(FILES, give.actionKey, give.variables)).toEqual({
      type: 'setRecordFields',
      fields: { ownerId: 'sam' },
      reason: 'lead-generation: converted by sam at Make the first contact while the lead had no owner',
    });
    // The organization, contact and deal name no owner: they take the lead's (createRecord), now the converter.
    for (const key of ['lead-create-organization', 'lead-create-contact', 'lead-create-opportunity']) {
      expect(Object.keys(renderedAction(FILES, key, instance.variables).fields as object)).not.toContain('ownerId');
    }
  });

  it("keeps an owned lead's owner when another seller converts it: the deal is the owner's", async () => {
    const instance = await startLead({ ...hotLead, ownerUsername: 'olga' });
    runActions(instance);

    instance.complete('firstContact', { outcome: 'convert', companyName: 'Acme', contactLastName: 'Doe', dealValue: 30000 }, 'sam');

    expect(runActions(instance)).toEqual(['createOrganization', 'createContact', 'createOpportunity', 'markConverted']);
  });

  it('gives a large budget to a seller with the enterprise skill', async () => {
    const instance = await startLead({ ...hotLead, budget: 250000 });
    runActions(instance);
    expect(instance.task('firstContact').assignment).toMatchObject({ decision: { strategy: 'skillMatch', skills: ['enterprise'] } });
  });

  it('notifies every user named in notifyUsers, one action each', async () => {
    const scenario = await packageScenario('lead', { now: NOW, params: { notifyUsers: ['maria', 'mike'] }, record: () => hotLead });
    const instance = scenario.start({ variables: { recordType: 'lead', recordId: 'lead-1' } });
    instance.complete('checkDuplicates', { duplicate: false });
    expect(runActions(instance)).toEqual(['markExpectedBuyer', 'startBuyerPlan', 'notifyUser', 'notifyUser']);
    const recipients = instance
      .effectsOf('ActionRequested')
      .filter((action) => action.elementId === 'notifyUser')
      .map((action) => action.variables.recipient);
    expect(recipients).toEqual(['maria', 'mike']);
  });

  it("notifies the lead's owner beside notifyUsers, once even when named there too", async () => {
    const scenario = await packageScenario('lead', {
      now: NOW,
      params: { notifyUsers: ['maria', 'sam'] },
      record: () => ({ ...hotLead, ownerUsername: 'sam' }),
    });
    const instance = scenario.start({ variables: { recordType: 'lead', recordId: 'lead-1' } });
    instance.complete('checkDuplicates', { duplicate: false });
    runActions(instance);
    const recipients = instance
      .effectsOf('ActionRequested')
      .filter((action) => action.elementId === 'notifyUser')
      .map((action) => action.variables.recipient);
    expect(recipients).toEqual(['maria', 'sam']);
  });

  it('nurtures a lead without BANT fit: after 11 unopened newsletters the 12th is the last chance, and when that stays unopened the lead is parked', async () => {
    const instance = await startLead(coldLead);
    expect(instance.variables.bant).toMatchObject({ classification: 'nurturable' });
    expect(runActions(instance, {}, NEWSLETTERS)).toEqual(['markNurturable']);
    for (let sent = 1; sent <= 11; sent++) {
      expect(instance.waitingAt()).toContain('sendNewsletter');
      newsletterGoesUnopened(instance);
    }
    expect(instance.variables).toMatchObject({ unopened: 11, newslettersSent: 11 });
    expect(instance.waitingAt()).toContain('sendLastChance');
    expect(instance.effectsOf('ActionRequested').filter((action) => action.actionKey === 'lead-newsletter')).toHaveLength(11);

    newsletterGoesUnopened(instance, 'sendLastChance', 'waitLastChance');
    expect(runActions(instance)).toEqual(['markNoProspect']);
    expect(instance.status).toBe('completed');
    expect(instance.entered()).toContain('parked');
    expect(instance.variables.newslettersSent).toBe(12);
  });

  it('waits the newsletter cadence between newsletters', async () => {
    const instance = await startLead(coldLead);
    runActions(instance, {}, NEWSLETTERS);
    completeAction(instance, 'sendNewsletter');
    expect(instance.timer('waitCadence').dueAt).toBe('2026-03-16T09:00:00.000Z');
  });

  it('starts counting again when a newsletter is opened, and an opened last chance keeps the lead in nurturing', async () => {
    const instance = await startLead(coldLead, { maxUnopened: 2 });
    runActions(instance, {}, NEWSLETTERS);
    newsletterGoesUnopened(instance);
    completeAction(instance, 'sendNewsletter');
    instance.correlate('opened');
    instance.fireTimer('waitCadence');
    expect(instance.variables).toMatchObject({ unopened: 0, engagementScore: 10 });
    newsletterGoesUnopened(instance);
    newsletterGoesUnopened(instance);
    completeAction(instance, 'sendLastChance');
    instance.correlate('opened');
    instance.fireTimer('waitLastChance');
    expect(instance.status).toBe('active');
    expect(instance.waitingAt()).toContain('sendNewsletter');
  });

  it('promotes a nurtured lead whose opens and clicks reach the promotion score: a note for the seller, the seller notified, then the expected-buyer path', async () => {
    const instance = await startLead({ ...coldLead, ownerUsername: 'sam' });
    runActions(instance, {}, NEWSLETTERS);
    completeAction(instance, 'sendNewsletter');
    instance.correlate('clicked');
    instance.correlate('opened');
    expect(instance.variables.engagementScore).toBe(35);
    expect(instance.waitingAt()).toContain('waitCadence');
    instance.correlate('clicked');
    expect(instance.variables.engagementScore).toBe(60);
    expect(instance.timers()).toEqual([]);
    expect(runActions(instance)).toEqual(['notePromotion', 'markExpectedBuyer', 'startBuyerPlan', 'notifyUser']);
    expect(instance.effectsOf('ActionRequested').find((action) => action.elementId === 'notifyUser')?.variables.recipient).toBe('sam');
    expect(instance.waitingAt()).toContain('firstContact');
  });

  it('sends a lead the first contact found not ready back to nurturing', async () => {
    const instance = await startLead(hotLead);
    runActions(instance);
    instance.complete('firstContact', { outcome: 'nurture' });
    expect(runActions(instance, {}, NEWSLETTERS)).toEqual(['markNurturable']);
    expect(instance.waitingAt()).toContain('sendNewsletter');
  });
});
