// The standard opportunity package (process-definitions/opportunity) driven through the API: a
// seller's deal refused by the exit criteria until it has what each move needs, lost with its
// reason and comment, a deal left idle reminding its owner with a lower priority, and stage tasks
// given to the deal's owner (to the deal teams while it has none).
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { deployStandardPackages, fireTimerNow, openTask, recordInstance, setPackageParameters } from './support/standard-packages.js';

const suite = setupEngineSuite();
const DAY = 86_400_000;

describe('the standard opportunity package', () => {
  let seller = { id: '', token: '' };

  beforeAll(async () => {
    seller = await suite.createUser('so-sara', ['seller'], ['so-deals']);
    await deployStandardPackages(suite, ['account', 'opportunity']);
    await setPackageParameters(suite, 'opportunity', { dealTeams: ['so-deals'] });
  });

  async function newDeal(name: string, token = seller.token): Promise<{ dealId: string; instanceId: string }> {
    const created = await suite.as(token).post('/opportunities', { name, value: 12000, currency: 'EUR' });
    expect(created.status).toBe(201);
    const dealId = created.body.id as string;
    const instanceId = await recordInstance(suite, `/opportunities/${dealId}`);
    await eventually(
      async () => ((await suite.as(token).get(`/opportunities/${dealId}`)).body.stage === 'Identification' ? true : undefined),
      'Identification',
    );
    return { dealId, instanceId };
  }

  const stageOf = async (dealId: string) => (await suite.as(seller.token).get(`/opportunities/${dealId}`)).body as Record<string, unknown>;

  it('loses a deal only with a lost reason and a comment, and wants a next contact date to move on', async () => {
    const { dealId, instanceId } = await newDeal('Warehouse scanners');
    const moveTo = (stage: string, reason?: string) => suite.as(seller.token).post(`/opportunities/${dealId}/stage`, { stage, ...(reason ? { reason } : {}) });

    const unplanned = await moveTo('Qualification');
    expect(unplanned.status).toBe(409);
    expect(unplanned.body.details).toEqual([expect.objectContaining({ ruleId: 'next-contact-missing', field: 'nextContactAt', ruleSet: 'opportunity-exit' })]);
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, { nextContactAt: new Date(Date.now() + 3 * DAY).toISOString() })).status).toBe(200);
    expect((await moveTo('Qualification')).status).toBe(200);

    const noReason = await moveTo('Lost');
    expect(noReason.status).toBe(409);
    expect(noReason.body.message).toBe('the move from Qualification to Lost is refused: A lost reason is required; Say what we learned from the loss');
    expect((await stageOf(dealId)).stage).toBe('Qualification');

    const reasons = { lostReason: 'competitor', outcomeComment: 'The competitor bundled scanners with their warehouse system' };
    expect((await suite.as(seller.token).patch(`/opportunities/${dealId}`, reasons)).status).toBe(200);
    const lost = await moveTo('Lost', 'went with the competitor');
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ from: 'Qualification', to: 'Lost' });
    const deal = await eventually(async () => {
      const record = await stageOf(dealId);
      return record.outcome === 'lost' ? record : undefined;
    }, 'the outcome');
    expect(deal).toMatchObject({ stage: 'Lost', ...reasons });
    const history = (await suite.as(seller.token).get(`/opportunities/${dealId}/history`)).body.items as {
      field: string;
      new: unknown;
      reason: string | null;
    }[];
    expect(history.find((item) => item.field === 'stage' && item.new === 'Lost')).toMatchObject({ reason: 'went with the competitor' });
    expect((await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}`)).body.state).toBe('terminated');
  });

  it('reminds the owner of a deal idle for stageIdleDays and lowers the priority of its stage task', async () => {
    const { dealId, instanceId } = await newDeal('Forklift fleet');
    const task = await openTask(suite, instanceId, 'identify');
    expect(task).toMatchObject({ priority: 60, assignee: 'so-sara', candidateGroups: ['so-deals'] });

    const dueAt = await fireTimerNow(suite, instanceId, 'identifyIdle');
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() + 13 * DAY);
    const reminder = await eventually(async () => {
      const items = (await suite.as(seller.token).get(`/activities?opportunityId=${dealId}`)).body.items as Record<string, unknown>[];
      return items[0];
    }, 'the reminder activity');
    expect(reminder).toMatchObject({ kind: 'task', subject: 'Identification: no progress for 14 days', ownerId: seller.id, done: false });
    const again = await eventually(async () => {
      const next = await openTask(suite, instanceId, 'identify');
      return next.id === task.id ? undefined : next;
    }, 'the stage task again');
    expect(again.priority).toBe(20);
    expect((await stageOf(dealId)).stage).toBe('Identification');
  });

  it("gives the stage tasks to the deal's owner, and to the deal teams while the deal has no owner", async () => {
    const owned = await newDeal('Pallet scales');
    expect(await openTask(suite, owned.instanceId, 'identify')).toMatchObject({ assignee: 'so-sara', candidateGroups: ['so-deals'] });
    const mine = (await suite.as(seller.token).get('/tasks?assignee=so-sara')).body.items as { processInstanceId: string }[];
    expect(mine.map((item) => item.processInstanceId)).toContain(owned.instanceId);

    const unowned = await newDeal('Dock doors', suite.adminToken());
    expect((await suite.as(suite.adminToken()).get(`/opportunities/${unowned.dealId}`)).body.ownerId).toBeNull();
    expect(await openTask(suite, unowned.instanceId, 'identify')).toMatchObject({ assignee: null, candidateGroups: ['so-deals'] });
  });
});
