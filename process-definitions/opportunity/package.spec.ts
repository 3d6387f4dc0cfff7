// The opportunity package's process logic, run by the pure interpreter with the package's default
// parameters: the stages and the moves each accepts, the offer made as a PDF and e-mailed on the agreed date, idle
// reminders with a lower priority, Won and Lost; and its exit criteria decided by the package's
// rule set. The API suite apps/engine/test/standard-opportunity.e2e-spec.ts drives it through the engine.
import { stageElements, type ScenarioInstance } from '@stageflow/bpmn-runtime';
import { compileCustomFieldSchema, parseCustomFieldSchema, parseManifest, validatePackageParameters } from '@stageflow/process-package';
import {
  evaluateRuleSet,
  packageFiles,
  packageProblems,
  packageRuleSets,
  packageScenario,
  parameterDefaults,
  pendingAction,
  renderedAction,
  runActions,
} from '../support/package-scenario.js';

const NOW = '2026-03-02T09:00:00.000Z';
const FILES = await packageFiles('opportunity');
const DEFAULTS = parameterDefaults(FILES);
const EXIT = packageRuleSets(FILES).get('opportunity-exit')!;

async function newDeal(record: Record<string, unknown> = {}): Promise<ScenarioInstance> {
  const scenario = await packageScenario('opportunity', { now: NOW, record: () => ({ name: 'Acme fleet', value: 30000, currency: 'EUR', ...record }) });
  return scenario.start({ variables: { recordType: 'opportunity', recordId: 'opp-1' }, businessKey: 'opportunity:opp-1' });
}

const move = (instance: ScenarioInstance, from: string, to: string) => instance.complete(from, { stageMove: to, stageMoveReason: null });

/** The reasons the exit criteria give for a move of a deal (record fields as the API shows them). */
function refusals(to: string, record: Record<string, unknown>, openTasks: string[] = []): string[] {
  const base = { nextContactAt: '2026-03-05T09:00:00Z', value: 30000, lostReason: null, outcomeComment: null, custom: {} };
  const results = evaluateRuleSet(EXIT, { record: { ...base, ...record }, move: { from: 'Identification', to, reason: null }, openTasks }, NOW) as {
    reason: string;
  }[];
  return results.map((result) => result.reason);
}

describe('the opportunity package', () => {
  it('validates as a package with no problems', async () => {
    expect(await packageProblems('opportunity')).toEqual([]);
  });

  it('offers the win reasons as titled choices, and a deal with a reason outside them is refused', () => {
    const parsed = parseCustomFieldSchema(FILES.find((file) => file.path === 'opportunity.fields.json')!.content);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.schema.properties.winReason.oneOf).toContainEqual({ const: 'product-fit', title: 'Product fit' });
    expect(parsed.schema.properties.winReason.oneOf?.every((choice) => choice.title.trim() !== '')).toBe(true);
    const check = compileCustomFieldSchema(parsed.schema);
    expect(check({ winReason: 'speed' })).toEqual([]);
    expect(check({ winReason: 'luck' })).toEqual([
      { path: 'custom.winReason', message: 'must be one of "price", "product-fit", "relationship", "service", "speed", "other"' },
    ]);
  });

  it('has one stage element per stage of params.stages, and each open stage accepts the next stage and Lost', async () => {
    const scenario = await packageScenario('opportunity');
    const elements = Object.values(stageElements(scenario.process()));
    expect(new Set(elements.map((element) => element.stage))).toEqual(new Set(DEFAULTS.stages as string[]));
    const moves = Object.fromEntries(elements.filter((element) => element.moves.length > 0).map((element) => [element.stage, element.moves]));
    expect(moves).toEqual({
      Identification: ['Qualification', 'Lost'],
      Qualification: ['Offer', 'Lost'],
      Offer: ['Negotiation', 'Lost'],
      Negotiation: ['Won', 'Lost'],
    });
  });

  it('gives every stage of params.stages a default probability from 0 to 100, and refuses one outside it', () => {
    const parsed = parseManifest(FILES.find((file) => file.path === 'manifest.json')!.content);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(DEFAULTS.stageProbabilities).toEqual({ Identification: 10, Qualification: 20, Offer: 50, Negotiation: 75, Won: 100, Lost: 0 });
    expect(Object.keys(DEFAULTS.stageProbabilities as object)).toEqual(DEFAULTS.stages);
    expect(validatePackageParameters(parsed.manifest, { ...DEFAULTS, stageProbabilities: { Offer: 40 } })).toEqual([]);
    expect(validatePackageParameters(parsed.manifest, { ...DEFAULTS, stageProbabilities: { Offer: 120, Won: -1, Lost: 12.5 } })).toEqual([
      expect.objectContaining({ path: expect.stringContaining('Offer') }),
      expect.objectContaining({ path: expect.stringContaining('Won') }),
      expect.objectContaining({ path: expect.stringContaining('Lost') }),
    ]);
  });

  it('takes a deal through every stage to Won: the offer made as a PDF, e-mailed with it on the agreed date, the outcome set, account management started', async () => {
    const instance = await newDeal();
    expect(instance.task('identify')).toMatchObject({ candidateGroups: ['sales'], priority: 60 });
    move(instance, 'identify', 'Qualification');
    move(instance, 'qualify', 'Offer');
    expect(instance.waitingAt().sort()).toEqual(['offer', 'offerIdle', 'prepareOffer']);
    instance.complete('prepareOffer', { offerRecipient: 'jane@acme.example', offerSendOn: '2026-03-10', offerSummary: '40 trackers' });
    expect(pendingAction(instance, 'makeOffer')).toMatchObject({
      actionKey: 'opportunity-create-offer',
      variables: expect.objectContaining({ deal: expect.objectContaining({ name: 'Acme fleet' }), offerSummary: '40 trackers' }),
    });
    expect(runActions(instance, { makeOffer: { offerDocumentId: 'doc-1' } })).toEqual(['makeOffer']);
    expect(instance.timer('waitSendDate').dueAt).toBe('2026-03-10T00:00:00.000Z');
    instance.fireTimer('waitSendDate');
    expect(pendingAction(instance, 'sendOffer')).toMatchObject({
      actionKey: 'opportunity-send-offer',
      variables: expect.objectContaining({ offerDocumentId: 'doc-1' }),
    });
    expect(runActions(instance)).toEqual(['sendOffer']);
    move(instance, 'offer', 'Negotiation');
    move(instance, 'negotiate', 'Won');
    expect(runActions(instance)).toEqual(['markWon', 'startAccount']);
    expect(instance.status).toBe('terminated');
    expect(instance.entered()).toContain('won');
  });

  it("gives each stage's tasks to the deal's owner, and to the deal teams while the deal has no owner", async () => {
    const owned = await newDeal({ ownerId: 'u-sara', ownerUsername: 'sara' });
    expect(owned.task('identify')).toMatchObject({ assignee: 'sara', candidateGroups: ['sales'] });
    move(owned, 'identify', 'Qualification');
    move(owned, 'qualify', 'Offer');
    expect(owned.task('offer').assignee).toBe('sara');
    expect(owned.task('prepareOffer').assignee).toBe('sara');

    const unowned = await newDeal({ ownerId: null, ownerUsername: null });
    expect(unowned.task('identify').assignee).toBeUndefined();
    expect(unowned.task('identify').candidateGroups).toEqual(['sales']);
  });

  it("starts account management about the won deal's organization (its business key), or about no record when the deal has none", () => {
    const deal = { organizationId: 'org-1', contactId: 'contact-1', ownerId: 'u-sara', name: 'Acme fleet', value: 30000, currency: 'EUR' };
    expect(renderedAction(FILES, 'opportunity-start-account', { deal, recordId: 'opp-1' })).toMatchObject({
      processKey: 'account-management',
      businessKey: 'organization:org-1',
      variables: expect.objectContaining({ organizationId: 'org-1', opportunityId: 'opp-1' }),
    });
    expect(renderedAction(FILES, 'opportunity-start-account', { deal: { ...deal, organizationId: null }, recordId: 'opp-1' }).businessKey).toBe('');
  });

  it('closes a deal as won even when the account package is not deployed', async () => {
    const instance = await newDeal();
    move(instance, 'identify', 'Qualification');
    move(instance, 'qualify', 'Offer');
    instance.complete('prepareOffer', { offerRecipient: 'jane@acme.example', offerSendOn: '2026-03-10', offerSummary: '40 trackers' });
    move(instance, 'offer', 'Negotiation');
    move(instance, 'negotiate', 'Won');
    runActions(instance, {}, ['startAccount']);
    const pending = instance.pendingActions()[0]!;
    instance.send({ type: 'failAction', actionId: pending.actionId, errorCode: 'UNKNOWN_PROCESS' });
    expect(instance.status).toBe('terminated');
  });

  it('loses a deal from any open stage, ending its other tasks', async () => {
    const instance = await newDeal();
    move(instance, 'identify', 'Qualification');
    move(instance, 'qualify', 'Offer');
    move(instance, 'offer', 'Lost');
    expect(runActions(instance)).toEqual(['markLost']);
    expect(instance.status).toBe('terminated');
    expect(instance.openTasks()).toEqual([]);
  });

  it('keeps negotiating when the negotiation task is completed without a move (only a move checked by the exit criteria closes a deal)', async () => {
    const instance = await newDeal();
    move(instance, 'identify', 'Qualification');
    move(instance, 'qualify', 'Offer');
    instance.complete('prepareOffer', { offerRecipient: 'jane@acme.example', offerSendOn: '2026-03-10', offerSummary: '40 trackers' });
    move(instance, 'offer', 'Negotiation');
    instance.complete('negotiate');
    expect(instance.waitingAt()).toContain('negotiate');
  });

  it('reminds the owner after stageIdleDays in a stage and lowers the priority of that stage only', async () => {
    const instance = await newDeal();
    expect(instance.timer('identifyIdle').dueAt).toBe('2026-03-16T09:00:00.000Z');
    instance.fireTimer('identifyIdle');
    const reminder = instance.pendingActions()[0]!;
    expect(reminder).toMatchObject({
      elementId: 'identifyReminder',
      actionKey: 'opportunity-idle-reminder',
      variables: expect.objectContaining({ idleStage: 'Identification' }),
    });
    runActions(instance);
    expect(instance.task('identify').priority).toBe(20);
    move(instance, 'identify', 'Qualification');
    expect(instance.task('qualify').priority).toBe(60);
  });

  describe('exit criteria', () => {
    it('let a planned deal move on', () => {
      expect(refusals('Qualification', {})).toEqual([]);
    });

    it('want a next contact date on every open stage, and not one in the past', () => {
      expect(refusals('Qualification', { nextContactAt: null })).toEqual(['Plan the next contact before moving on']);
      expect(refusals('Offer', { nextContactAt: '2026-02-20T09:00:00Z' })).toEqual(['The next contact date has passed']);
      expect(refusals('Lost', { nextContactAt: null, lostReason: 'price', outcomeComment: 'too expensive' })).toEqual([]);
    });

    it('want a value before the offer and the offer prepared before negotiating', () => {
      expect(refusals('Offer', { value: null })).toEqual(['The deal has no value yet']);
      expect(refusals('Negotiation', {}, ['prepareOffer'])).toEqual(['The offer is not prepared']);
    });

    it('want a reason and a comment to close a deal', () => {
      expect(refusals('Lost', {})).toEqual(['A lost reason is required', 'Say what we learned from the loss']);
      expect(refusals('Won', {})).toEqual(['A win reason is required', 'Say why we won']);
      expect(refusals('Won', { outcomeComment: 'fast delivery', custom: { winReason: 'speed' } })).toEqual([]);
    });
  });
});
