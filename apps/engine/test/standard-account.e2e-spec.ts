// The standard account package (process-definitions/account) driven through the API: a won deal's
// customer onboarded by an account manager, reminded of the renewal params.renewalNoticeDays
// before the contract ends, and renewed for another term; the instance is about the organization (the
// business key the opportunity package's startProcess gives it), so onboarding puts a check-in call
// on the organization's agenda, and the upsell review comes upsellReviewMonths calendar months on.
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { deployStandardPackages, emailsOf, openTask } from './support/standard-packages.js';

const suite = setupEngineSuite();
const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
/** `time` plus `months` calendar months in UTC, the day clamped to the target month's last (Aug 31 + 6 = Feb 28). */
function plusMonths(time: number, months: number): number {
  const date = new Date(time);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime() + (time % DAY);
}

interface HistoryItem {
  event: string;
  elementId: string | null;
  payload: Record<string, unknown>;
}

describe('the standard account package', () => {
  let accountManager = { id: '', token: '' };
  let seller = { id: '', token: '' };

  beforeAll(async () => {
    accountManager = await suite.createUser('sa-olga', ['seller'], ['account-managers']);
    seller = await suite.createUser('sa-nils', ['seller'], ['sa-north']);
    await deployStandardPackages(suite, ['account']);
  });

  it('renews a contract: onboarding by the account managers, the renewal e-mail and task renewalNoticeDays before it ends, then the next term', async () => {
    const organization = await suite.as(seller.token).post('/organizations', { name: 'Acme Logistics' });
    expect(organization.status).toBe(201);
    const organizationId = organization.body.id as string;
    // What the opportunity package's "Start account management" passes for a won deal.
    const before = Date.now();
    const started = await suite.as(suite.adminToken()).post('/process-definitions/key/account-management/start', {
      businessKey: `organization:${organizationId}`,
      variables: { organizationId, contactId: '', opportunityId: '', ownerId: seller.id, dealName: 'Acme fleet', dealValue: '30000', currency: 'EUR' },
    });
    expect(started.status).toBe(201);
    const instanceId = started.body.id as string;
    await eventually(async () => {
      const record = (await suite.as(seller.token).get(`/organizations/${organizationId}`)).body;
      return record.relationType === 'customer' ? record : undefined;
    }, 'the organization a customer');

    const onboard = await openTask(suite, instanceId, 'onboard');
    expect(onboard.assignee).toBe('sa-olga');
    const contractEnd = isoDate(30);
    const completed = await suite.as(accountManager.token).post(`/tasks/${onboard.id}/complete`, {
      variables: { accountManager: 'sa-olga', customerEmail: 'ops@acme.example', contractEnd },
    });
    expect(completed.status).toBe(200);

    // The onboarding plan's check-in call is on the organization, owned by its owner.
    const call = await eventually(async () => {
      const items = (await suite.as(seller.token).get(`/activities?organizationId=${organizationId}`)).body.items as Record<string, unknown>[];
      return items.find((item) => item.kind === 'call');
    }, 'the check-in call on the organization');
    expect(call).toMatchObject({ subject: 'Check in with Acme fleet after 30 days', ownerId: seller.id, done: false });

    // The upsell review: params.upsellReviewMonths (6) calendar months after the start.
    const history = (await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}/history`)).body.items as HistoryItem[];
    const upsellDue = Date.parse(String(history.find((item) => item.event === 'timer-scheduled' && item.elementId === 'upsellDue')!.payload.dueAt));
    expect(upsellDue).toBeGreaterThanOrEqual(plusMonths(before, 6) - 1000);
    expect(upsellDue).toBeLessThanOrEqual(plusMonths(Date.now(), 6) + 1000);

    // The contract ends in 30 days, inside the 60-day notice: the notice goes out at once.
    const renew = await openTask(suite, instanceId, 'renew');
    expect(renew).toMatchObject({ assignee: 'sa-olga', dueAt: `${contractEnd}T09:00:00.000Z` });
    const mails = await eventually(async () => {
      const all = await emailsOf(suite, instanceId);
      return all.length >= 2 ? all : undefined;
    }, 'the welcome and renewal e-mails');
    expect(mails.map((mail) => mail.subject).sort()).toEqual(['Welcome aboard: Acme fleet', `Your contract "Acme fleet" ends on ${contractEnd}`]);
    expect(mails.find((mail) => mail.subject.startsWith('Your contract'))!.body).toContain(`ends on ${contractEnd}`);

    const nextEnd = isoDate(395);
    expect((await suite.as(accountManager.token).post(`/tasks/${renew.id}/complete`, { variables: { renewed: true, newContractEnd: nextEnd } })).status).toBe(
      200,
    );
    const notice = await eventually(async () => {
      const history = (await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}/history`)).body.items as HistoryItem[];
      const scheduled = history.filter((item) => item.event === 'timer-scheduled' && item.elementId === 'waitRenewal');
      return scheduled.length === 2 ? scheduled : undefined;
    }, 'the next renewal notice');
    const dueAts = notice.map((item) => String(item.payload.dueAt)).sort();
    expect(dueAts[1]).toBe(new Date(Date.parse(`${nextEnd}T00:00:00Z`) - 60 * DAY).toISOString());
  });
});
