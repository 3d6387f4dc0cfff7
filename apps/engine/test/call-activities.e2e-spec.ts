import { bearer, setupEngineSuite } from './support/engine-suite.js';
import {
  callsDiagram,
  creditCheckDiagram,
  dealEndingEscalatedDiagram,
  escalatingDealDiagram,
  leadConvertsDiagram,
  leadWithCreditCheckDiagram,
  leadWithDealEscalationDiagram,
  opportunityDiagram,
} from './support/correlation-diagrams.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

interface Instance {
  id: string;
  definitionKey: string;
  businessKey: string | null;
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
  parentInstanceId: string | null;
  parentCallId: string | null;
  incidents?: { id: string; elementId: string | null; message: string }[];
}

const admin = (): [string, string] => bearer(suite.adminToken());

async function start(key: string, body: Record<string, unknown>): Promise<Instance> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...admin())
    .send(body);
  expect(response.status).toBe(201);
  return response.body as Instance;
}

async function instance(id: string): Promise<Instance> {
  return (
    await suite
      .http()
      .get(`/api/v1/process-instances/${id}`)
      .set(...admin())
  ).body as Instance;
}

async function childOf(parentId: string, calledKey: string): Promise<Instance> {
  return eventually(async () => {
    const rows = await suite.query<{ id: string }>('SELECT id FROM process_instances WHERE parent_instance_id = $1', [parentId]);
    const row = rows[0];
    if (!row) return undefined;
    const child = await instance(row.id);
    expect(child.definitionKey).toBe(calledKey);
    return child;
  }, `the called process of ${parentId}`);
}

async function completeTask(instanceId: string, elementId: string, variables: Record<string, unknown> = {}): Promise<void> {
  const tasks = await suite
    .http()
    .get(`/api/v1/tasks?processInstanceId=${instanceId}&state=created`)
    .set(...admin());
  const task = (tasks.body.items as { id: string; elementId: string }[]).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no open task at ${elementId} of ${instanceId}`);
  expect(
    (
      await suite
        .http()
        .post(`/api/v1/tasks/${task.id}/complete`)
        .set(...admin())
        .send({ variables })
    ).status,
  ).toBe(200);
}

describe('call activities', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'lead.bpmn', content: leadConvertsDiagram('leadConverts', 'opportunityCalled') },
      { name: 'opportunity.bpmn', content: opportunityDiagram('opportunityCalled') },
      { name: 'orphan.bpmn', content: leadConvertsDiagram('leadToNowhere', 'notDeployedYet') },
      { name: 'credit-lead.bpmn', content: leadWithCreditCheckDiagram('leadWithCredit', 'creditCheck') },
      { name: 'credit.bpmn', content: creditCheckDiagram('creditCheck') },
      { name: 'account.bpmn', content: callsDiagram('accountPlan', 'regionPlan') },
      { name: 'region.bpmn', content: callsDiagram('regionPlan', 'opportunityCalled') },
      { name: 'deal.bpmn', content: escalatingDealDiagram('escalatingDeal') },
      { name: 'late-deal.bpmn', content: dealEndingEscalatedDiagram('dealEndingLate') },
      { name: 'watched.bpmn', content: leadWithDealEscalationDiagram('leadWatchingDeal', 'escalatingDeal', false) },
      { name: 'stopped.bpmn', content: leadWithDealEscalationDiagram('leadStoppingDeal', 'escalatingDeal', true) },
      { name: 'late-watched.bpmn', content: leadWithDealEscalationDiagram('leadWatchingLateDeal', 'dealEndingLate', false) },
    ]);
  });

  it("given the lead converts, then the opportunity starts as its child with the input mappings, and the child's end continues the lead with the output mappings", async () => {
    const lead = await start('leadConverts', { businessKey: 'L-500', variables: { company: 'ACME', score: 90 } });
    expect(lead.activeElementIds).toEqual(['convert']);

    const opportunity = await childOf(lead.id, 'opportunityCalled');
    expect(opportunity).toEqual(
      expect.objectContaining({
        state: 'active',
        activeElementIds: ['negotiate'],
        variables: { account: 'ACME' },
        businessKey: 'L-500',
        parentInstanceId: lead.id,
        parentCallId: expect.any(String),
      }),
    );
    await completeTask(opportunity.id, 'negotiate', { amount: 5000 });
    expect((await instance(opportunity.id)).state).toBe('completed');

    const continued = await eventually(async () => {
      const current = await instance(lead.id);
      return current.activeElementIds.includes('followUp') ? current : undefined;
    }, 'the lead to continue after the opportunity ended');
    expect(continued.variables).toEqual({ company: 'ACME', score: 90, dealAmount: 5000 });
  });

  it('given a lead waits for its opportunity, when the lead is cancelled, then the opportunity is cancelled too', async () => {
    const lead = await start('leadConverts', { variables: { company: 'Globex' } });
    const opportunity = await childOf(lead.id, 'opportunityCalled');

    const cancelled = await suite
      .http()
      .post(`/api/v1/process-instances/${lead.id}/cancel`)
      .set(...admin());

    expect(cancelled.status).toBe(200);
    const ended = await eventually(async () => {
      const current = await instance(opportunity.id);
      return current.state === 'terminated' ? current : undefined;
    }, 'the child to be cancelled with its parent');
    expect(ended.activeElementIds).toEqual([]);
    const openTasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${opportunity.id}&state=created`)
      .set(...admin());
    expect(openTasks.body.total).toBe(0);
  });

  it("given the child ends with a BPMN error, then the parent's error boundary on the call activity catches it and the child is terminated", async () => {
    const lead = await start('leadWithCredit', { variables: { company: 'Hooli' } });
    const check = await childOf(lead.id, 'creditCheck');

    await completeTask(check.id, 'check');

    const apologizing = await eventually(async () => {
      const current = await instance(lead.id);
      return current.activeElementIds.includes('apologize') ? current : undefined;
    }, 'the error boundary of the parent to catch the child error');
    expect(apologizing.state).toBe('active');
    // The interrupted call activity was left: only the boundary's path is active.
    expect(apologizing.activeElementIds).toEqual(['apologize']);
    const ended = await eventually(async () => {
      const current = await instance(check.id);
      return current.state === 'terminated' ? current : undefined;
    }, 'the failed child to be terminated');
    expect(ended.activeElementIds).toEqual([]);
  });

  it('given a tree of three levels, when the root is cancelled, then the child and the grandchild are cancelled in turn', async () => {
    const root = await start('accountPlan', {});
    const child = await childOf(root.id, 'regionPlan');
    const grandchild = await childOf(child.id, 'opportunityCalled');
    expect(grandchild.activeElementIds).toEqual(['negotiate']);

    expect(
      (
        await suite
          .http()
          .post(`/api/v1/process-instances/${root.id}/cancel`)
          .set(...admin())
      ).status,
    ).toBe(200);

    for (const descendant of [child, grandchild]) {
      await eventually(async () => ((await instance(descendant.id)).state === 'terminated' ? true : undefined), `${descendant.definitionKey} to be cancelled`);
    }
  });

  it('given a child, when it is cancelled on its own, then 409 points to its parent', async () => {
    const lead = await start('leadConverts', { variables: { company: 'Initech' } });
    const opportunity = await childOf(lead.id, 'opportunityCalled');

    const response = await suite
      .http()
      .post(`/api/v1/process-instances/${opportunity.id}/cancel`)
      .set(...admin());

    expect(response.status).toBe(409);
    expect(response.body.message).toContain(lead.id);
    expect((await instance(opportunity.id)).state).toBe('active');
  });

  it('given a call activity whose process is not deployed, then the parent gets an incident at the call activity naming it, and retrying it once the process is deployed starts the child', async () => {
    const lead = await start('leadToNowhere', { variables: { company: 'Umbrella' } });

    const withIncident = await eventually(async () => {
      const current = await instance(lead.id);
      return (current.incidents ?? []).length > 0 ? current : undefined;
    }, 'the incident of the missing called process');
    expect(withIncident.incidents).toEqual([
      expect.objectContaining({ elementId: 'convert', message: expect.stringContaining('"notDeployedYet", which is not deployed') }),
    ]);
    expect(withIncident.activeElementIds).toEqual(['convert']);

    // Deployed later: retrying the incident starts the child, and the lead goes on when it ends.
    await suite.deploy([{ name: 'late.bpmn', content: opportunityDiagram('notDeployedYet') }]);
    const incidentId = (withIncident.incidents ?? [])[0]?.id;
    const retried = await suite
      .http()
      .post(`/api/v1/incidents/${incidentId}/retry`)
      .set(...admin());
    expect(retried.status).toBe(200);
    const late = await childOf(lead.id, 'notDeployedYet');
    expect(late.variables).toEqual({ account: 'Umbrella' });
    await completeTask(late.id, 'negotiate', { amount: 1 });
    await eventually(
      async () => ((await instance(lead.id)).activeElementIds.includes('followUp') ? true : undefined),
      'the lead to go on after the late child',
    );
  });

  describe('escalations of the called process', () => {
    async function activeElementsOf(id: string, expected: string[], what: string): Promise<Instance> {
      return eventually(async () => {
        const current = await instance(id);
        return [...current.activeElementIds].sort().join() === [...expected].sort().join() ? current : undefined;
      }, what);
    }

    async function escalationsDelivered(parentId: string): Promise<number> {
      const rows = await suite.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM history WHERE process_instance_id = $1 AND event = 'called-process-escalated'",
        [parentId],
      );
      return rows[0]?.n ?? 0;
    }

    it('given a non-interrupting escalation boundary on the call activity, when the child escalates, then the parent starts the boundary path while the call waits and the child runs on; its end then continues the parent', async () => {
      const lead = await start('leadWatchingDeal', {});
      const deal = await childOf(lead.id, 'escalatingDeal');

      await completeTask(deal.id, 'negotiate');

      await activeElementsOf(lead.id, ['closeDeal', 'informManager'], 'the boundary path to start beside the waiting call');
      expect(await instance(deal.id)).toEqual(expect.objectContaining({ state: 'active', activeElementIds: ['sign'] }));
      expect(await escalationsDelivered(lead.id)).toBe(1);
      await completeTask(deal.id, 'sign');
      await activeElementsOf(lead.id, ['informManager', 'followUp'], 'the parent to go on after the child ended');
      expect(await escalationsDelivered(lead.id)).toBe(1);
    });

    it('given an interrupting escalation boundary on the call activity, when the child escalates, then the parent leaves by the boundary and the child is cancelled', async () => {
      const lead = await start('leadStoppingDeal', {});
      const deal = await childOf(lead.id, 'escalatingDeal');

      await completeTask(deal.id, 'negotiate');

      await activeElementsOf(lead.id, ['informManager'], 'the parent to leave the call by the escalation boundary');
      const cancelled = await eventually(async () => {
        const current = await instance(deal.id);
        return current.state === 'terminated' ? current : undefined;
      }, 'the child to be cancelled by the interrupting boundary');
      expect(cancelled.activeElementIds).toEqual([]);
      const openTasks = await suite
        .http()
        .get(`/api/v1/tasks?processInstanceId=${deal.id}&state=created`)
        .set(...admin());
      expect(openTasks.body.total).toBe(0);
    });

    it('given a non-interrupting boundary, when the child ends at an escalation end event, then the parent hears of the escalation before the end: it takes the boundary and goes on after the call', async () => {
      const lead = await start('leadWatchingLateDeal', {});
      const deal = await childOf(lead.id, 'dealEndingLate');

      await completeTask(deal.id, 'negotiate');

      await activeElementsOf(lead.id, ['informManager', 'followUp'], 'both the boundary path and the path after the call');
      expect((await instance(deal.id)).state).toBe('completed');
      expect(await escalationsDelivered(lead.id)).toBe(1);
    });
  });
});
