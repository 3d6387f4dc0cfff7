// The account package's process logic, run by the pure interpreter with the package's rule sets
// and default parameters: onboarding, the renewal notice before the contract ends, renewal or
// win-back, and the upsell review cycle. The API suite apps/engine/test/standard-account.e2e-spec.ts
// drives it through the engine.
import type { ScenarioInstance, Variables } from '@stageflow/bpmn-runtime';
import type { JsonValue } from '@stageflow/process-package';
import { packageFiles, packageProblems, packageScenario, runActions } from '../support/package-scenario.js';

const NOW = '2026-03-02T09:00:00.000Z';
const WON_DEAL = {
  organizationId: 'org-1',
  contactId: 'contact-1',
  opportunityId: 'opp-1',
  ownerId: 'user-1',
  dealName: 'Acme fleet',
  dealValue: '30000',
  currency: 'EUR',
};

async function onboarded(deal: Variables = WON_DEAL, params: Record<string, JsonValue> = {}, now = NOW): Promise<ScenarioInstance> {
  const scenario = await packageScenario('account', { now, params });
  const instance = scenario.start({ variables: deal });
  expect(runActions(instance)).toEqual(['markCustomer']);
  instance.complete('onboard', { accountManager: 'olga', customerEmail: 'jane@acme.example', contractEnd: '2027-03-01' });
  expect(runActions(instance)).toEqual(['startOnboardingPlan']);
  expect(instance.incidents()).toEqual([]);
  return instance;
}

describe('the account package', () => {
  it('validates as a package with no problems', async () => {
    expect(await packageProblems('account')).toEqual([]);
  });

  it('gives the onboarding of a large deal to a key-account manager, the others to the account managers in turn', async () => {
    const scenario = await packageScenario('account', { now: NOW });
    const large = scenario.start({ variables: { ...WON_DEAL, dealValue: '250000' } });
    runActions(large);
    expect(large.task('onboard').assignment).toMatchObject({ decision: { strategy: 'skillMatch', skills: ['key-accounts'] } });
    const small = scenario.start({ variables: WON_DEAL });
    runActions(small);
    expect(small.task('onboard').assignment).toMatchObject({ decision: { strategy: 'roundRobin', team: 'account-managers' } });
  });

  it('onboards a customer whose deal had no organization too', async () => {
    const scenario = await packageScenario('account', { now: NOW });
    const instance = scenario.start({ variables: { ...WON_DEAL, organizationId: '' } });
    instance.send({ type: 'failAction', actionId: instance.pendingActions()[0]!.actionId, errorCode: 'UNKNOWN_RECORD' });
    expect(instance.waitingAt()).toContain('onboard');
  });

  it('reminds the customer and the account manager renewalNoticeDays before the contract ends, and waits for the next term when renewed', async () => {
    const instance = await onboarded();
    expect(instance.timer('waitRenewal').dueAt).toBe('2026-12-31T00:00:00.000Z');
    instance.fireTimer('waitRenewal');
    expect(runActions(instance)).toEqual(['remindCustomer']);
    expect(instance.task('renew')).toMatchObject({ assignee: 'olga', dueAt: '2027-03-01T09:00:00.000Z' });
    instance.complete('renew', { renewed: true, newContractEnd: '2028-03-01' });
    expect(instance.timer('waitRenewal').dueAt).toBe('2028-01-01T00:00:00.000Z');
  });

  it('tries to win back a customer who did not renew, winBackDays after the contract ended, and creates the deal when they want to talk', async () => {
    const instance = await onboarded();
    instance.fireTimer('waitRenewal');
    runActions(instance);
    instance.complete('renew', { renewed: false });
    expect(runActions(instance)).toEqual(['startWinBack']);
    expect(instance.timer('waitWinBack').dueAt).toBe('2027-03-31T00:00:00.000Z');
    instance.fireTimer('waitWinBack');
    expect(instance.task('winBack').assignee).toBe('olga');
    instance.complete('winBack', { wonBack: true, winBackValue: 12000 });
    expect(runActions(instance, { createWinBackDeal: { winBackOpportunityId: 'opp-2' } })).toEqual(['createWinBackDeal']);
    expect(instance.status).toBe('completed');
    expect(instance.entered()).toContain('customerWonBack');
  });

  it('marks a customer who cannot be won back a former customer', async () => {
    const instance = await onboarded();
    instance.fireTimer('waitRenewal');
    runActions(instance);
    instance.complete('renew', { renewed: false });
    runActions(instance);
    instance.fireTimer('waitWinBack');
    instance.complete('winBack', { wonBack: false, churnReason: 'budget cut' });
    expect(runActions(instance)).toEqual(['markFormerCustomer']);
    expect(instance.entered()).toContain('customerLost');
  });

  it('reviews the upsell potential every upsellReviewMonths months beside the rest, creating a deal when there is one', async () => {
    const instance = await onboarded();
    expect(instance.timer('upsellDue').dueAt).toBe('2026-09-02T09:00:00.000Z');
    instance.fireTimer('upsellDue');
    expect(instance.task('reviewUpsell').assignee).toBe('olga');
    instance.complete('reviewUpsell', { upsell: true, upsellValue: 8000 });
    expect(runActions(instance)).toEqual(['createUpsellDeal']);
    expect(instance.waitingAt().sort()).toEqual(['upsellDue', 'waitRenewal']);
  });

  it('counts upsellReviewMonths in calendar months from the day onboarding ended (a month-end date clamps)', async () => {
    const quarterly = await onboarded(WON_DEAL, { upsellReviewMonths: 3 }, '2026-11-30T09:00:00.000Z');
    expect(quarterly.incidents()).toEqual([]);
    expect(quarterly.timer('upsellDue').dueAt).toBe('2027-02-28T09:00:00.000Z');
  });

  it("puts a check-in call on the customer's agenda when onboarding starts (an activity on the organization the instance is about)", async () => {
    const plan = JSON.parse((await packageFiles('account')).find((file) => file.path === 'plans/account-onboarding.contact-plan.json')!.content) as {
      steps: { id: string; offset: string; action: Record<string, unknown> }[];
    };
    expect(plan.steps.find((step) => step.id === 'check-in-call')).toMatchObject({
      offset: 'PT0S',
      action: { type: 'addActivity', kind: 'call', dueIn: 'P30D' },
    });
  });
});
