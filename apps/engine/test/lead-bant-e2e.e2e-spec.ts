// The lead process of issue 4 end to end, through the real deployment API: a BANT
// classification rule set (business-rule task) rates the lead and picks its contact plan, a
// territory rule set decides its territory, a service task starts the picked plan — whose day-0
// step sends the first e-mail, rendered from a liquid template, to a real SMTP server started
// here — and the user task is assigned to the territory's owner (territories API +
// stageflow:assignment) with the reason in history. Later steps are jobs at their run time.
import { actionTemplate } from './support/actions.js';
import { contactPlan } from './support/contact-plans.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { SmtpReceiver } from './support/smtp-receiver.js';

const smtp = new SmtpReceiver({ user: 'stageflow', pass: 'smtp-secret' });
const env: Record<string, string> = { SMTP_FROM: 'Stageflow Sales <sales@stageflow.example>' };
beforeAll(async () => {
  await smtp.start();
  env.SMTP_URL = smtp.url();
});
afterAll(() => smtp.stop());

const suite = setupEngineSuite({ env });
const admin = () => bearer(suite.adminToken());
const DAY = 86_400_000;

const bantRules = JSON.stringify({
  key: 'bant-classification',
  name: 'BANT lead rating',
  kind: 'classification',
  hitPolicy: 'first',
  facts: { budget: 'number', authority: 'boolean', need: 'string', timelineDays: 'number' },
  rules: [
    {
      id: 'hot',
      priority: 10,
      conditions: {
        all: [
          { fact: 'budget', operator: 'greaterThanInclusive', value: 50000 },
          { fact: 'authority', operator: 'equal', value: true },
          { fact: 'need', operator: 'in', value: ['high', 'medium'] },
          { fact: 'timelineDays', operator: 'lessThanInclusive', value: 90 },
        ],
      },
      result: { rating: 'hot', contactPlan: 'bant-hot' },
    },
    {
      id: 'warm',
      conditions: {
        any: [
          { fact: 'budget', operator: 'greaterThanInclusive', value: 10000 },
          { fact: 'need', operator: 'equal', value: 'high' },
        ],
      },
      result: { rating: 'warm', contactPlan: 'bant-nurture' },
    },
  ],
  fallback: { rating: 'cold', contactPlan: 'bant-nurture' },
});

const territoryRules = JSON.stringify({
  key: 'bant-territories',
  name: 'Lead territories',
  kind: 'territory',
  hitPolicy: 'first',
  facts: { country: 'string' },
  rules: [{ id: 'dach', conditions: { all: [{ fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] }] }, result: { territory: 'bant-dach' } }],
  fallback: { territory: 'bant-row' },
});

/** Hot leads go to the territory's owner; the others wait in the unsorted queue. */
const assignmentRules = JSON.stringify({
  key: 'bant-assignment',
  name: 'Lead owner',
  kind: 'assignment',
  hitPolicy: 'first',
  facts: { bant: 'object' },
  rules: [
    { id: 'hot-to-owner', conditions: { all: [{ fact: 'bant', path: '$.rating', operator: 'equal', value: 'hot' }] }, result: { strategy: 'territoryOwner' } },
  ],
  fallback: { strategy: 'unsorted' },
});

const welcomeTemplate = [
  'Dear {{ lead.name }},',
  '',
  'thank you for your interest in {{ lead.product }}.',
  'Your team for {{ territory.territory }} will call you soon.',
  '',
  '-- Stageflow Sales',
].join('\n');

const hotPlan = contactPlan('bant-hot', [
  { id: 'welcome', offset: 'PT0S', action: { type: 'sendEmail', to: '{{ lead.email }}', subject: 'Welcome, {{ lead.name }}', template: 'bant-welcome' } },
  {
    id: 'first-call',
    offset: 'P2D',
    action: { type: 'createTask', title: 'Call {{ lead.name }} ({{ bant.rating }} lead)', dueIn: 'P1D', assignment: { strategy: 'territoryOwner' } },
  },
]);
const nurturePlan = contactPlan('bant-nurture', [{ id: 'check-in', offset: 'P7D', action: { type: 'createTask', title: 'Check in with {{ lead.name }}' } }]);

const leadDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="bant_lead" name="BANT lead" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="classify" />
    <bpmn:businessRuleTask id="classify" name="Rate the lead" stageflow:ruleSet="bant-classification" stageflow:resultVariable="bant" />
    <bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="territoryOf" />
    <bpmn:businessRuleTask id="territoryOf" name="Find the territory" stageflow:ruleSet="bant-territories" stageflow:resultVariable="territory" />
    <bpmn:sequenceFlow id="f3" sourceRef="territoryOf" targetRef="startPlan" />
    <bpmn:serviceTask id="startPlan" name="Start the contact plan" stageflow:action="bant-start-plan" />
    <bpmn:sequenceFlow id="f4" sourceRef="startPlan" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify the lead" stageflow:assignment="bant-assignment" />
    <bpmn:sequenceFlow id="f5" sourceRef="qualify" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

interface Task {
  id: string;
  elementId: string;
  name: string;
  assignee: string | null;
  source: string;
  assignment: { strategy: string; reason: string } | null;
}

async function startLead(variables: Record<string, unknown>): Promise<string> {
  const response = await suite
    .http()
    .post('/api/v1/process-definitions/key/bant_lead/start')
    .set(...admin())
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function tasksOf(id: string): Promise<Task[]> {
  const response = await suite
    .http()
    .get(`/api/v1/tasks?processInstanceId=${id}`)
    .set(...admin());
  expect(response.status).toBe(200);
  return response.body.items as Task[];
}

/** The instance's tasks once the process waits at "Qualify the lead". */
function atQualify(id: string): Promise<Task[]> {
  return eventually(async () => {
    const tasks = await tasksOf(id);
    return tasks.some((task) => task.elementId === 'qualify') ? tasks : undefined;
  }, `lead ${id} to reach "Qualify the lead"`);
}

async function planJob(id: string, plan: string, step: string): Promise<{ id: string; run_at: Date; payload: Record<string, unknown> } | undefined> {
  const rows = await suite.query<{ id: string; run_at: Date; payload: Record<string, unknown> }>(
    'SELECT id::text, run_at, payload FROM graphile_worker._private_jobs WHERE key = $1',
    [`contact-plan:${id}:${plan}:${step}`],
  );
  return rows[0];
}

async function jobsGone(keys: string[]): Promise<void> {
  await eventually(
    async () => {
      const left = await suite.query<{ n: number }>('SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ANY($1::text[])', [keys]);
      return left[0]?.n === 0 ? true : undefined;
    },
    `jobs ${keys.join(', ')} to be worked`,
  );
}

describe('a lead classified by BANT, assigned by territory, with its first e-mail sent', () => {
  beforeAll(async () => {
    await suite.createUser('bant-owner', ['seller'], ['bant-dach-team']);
    const territory = await suite
      .http()
      .post('/api/v1/territories')
      .set(...admin())
      .send({ key: 'bant-dach', name: 'DACH', team: 'bant-dach-team', defaultOwner: 'bant-owner' });
    expect(territory.status).toBe(201);
    const deployed = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...admin())
      .send({
        name: 'bant-lead',
        resources: [
          { name: 'rules/bant.rule-set.json', content: bantRules },
          { name: 'rules/territories.rule-set.json', content: territoryRules },
          { name: 'rules/assignment.rule-set.json', content: assignmentRules },
          { name: 'mail/bant-welcome.liquid', content: welcomeTemplate },
          { name: 'plans/hot.contact-plan.json', content: hotPlan },
          { name: 'plans/nurture.contact-plan.json', content: nurturePlan },
          { name: 'actions/start-plan.action.json', content: actionTemplate('bant-start-plan', { type: 'startContactPlan', plan: '{{ bant.contactPlan }}' }) },
          { name: 'lead.bpmn', content: leadDiagram },
        ],
      });
    expect(deployed.status).toBe(201);
  });

  it("given a hot lead from Germany, when the process runs, then the welcome e-mail arrives once, the task is the territory owner's with the reason in history, and the call is scheduled for day 2", async () => {
    const lead = { name: 'Jane Doe', email: 'jane.doe@acme.example', product: 'Stageflow Cloud' };
    const id = await startLead({ lead, country: 'DE', budget: 80000, authority: true, need: 'high', timelineDays: 30 });

    const tasks = await atQualify(id);

    // Classified and placed by the rule sets
    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${id}`)
      .set(...admin());
    expect(instance.body.variables).toEqual(
      expect.objectContaining({ bant: { rating: 'hot', contactPlan: 'bant-hot' }, territory: { territory: 'bant-dach' } }),
    );
    // Assigned to the territory's owner, and history says why
    expect(tasks).toEqual([
      expect.objectContaining({ elementId: 'qualify', assignee: 'bant-owner', assignment: expect.objectContaining({ strategy: 'territoryOwner' }) }),
    ]);
    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${id}/history`)
      .set(...admin());
    const assigned = (history.body.items as { event: string; elementId: string | null; payload: Record<string, unknown> }[]).filter(
      (event) => event.event === 'task-assigned',
    );
    expect(assigned).toEqual([
      expect.objectContaining({
        elementId: 'qualify',
        payload: expect.objectContaining({
          user: 'bant-owner',
          strategy: 'territoryOwner',
          reason: 'territoryOwner: owner of territory "bant-dach" (from the territory record)',
          ruleSet: 'bant-assignment',
        }),
      }),
    ]);
    // The first e-mail: delivered to the SMTP server once, rendered from the deployed template
    const sent = await eventually(async () => {
      const rows = await suite.query<{ status: string }>('SELECT status FROM email_outbox WHERE process_instance_id = $1', [id]);
      return rows.length === 1 && rows[0]?.status === 'sent' ? rows : undefined;
    }, 'the welcome e-mail to be sent');
    expect(sent).toEqual([{ status: 'sent' }]);
    const mails = smtp.mailsTo('jane.doe@acme.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.headers.subject).toBe('Welcome, Jane Doe');
    expect(mails[0]?.body).toContain('Dear Jane Doe,');
    expect(mails[0]?.body).toContain('thank you for your interest in Stageflow Cloud.');
    expect(mails[0]?.body).toContain('Your team for bant-dach will call you soon.');
    // The plan's day-2 call is a job at the plan's start + 2 days (database clock)
    const [{ started_at: startedAt }] = (await suite.query<{ started_at: Date }>('SELECT started_at FROM contact_plan_starts WHERE process_instance_id = $1', [
      id,
    ])) as [{ started_at: Date }];
    expect((await planJob(id, 'bant-hot', 'first-call'))?.run_at.getTime()).toBe(startedAt.getTime() + 2 * DAY);
  });

  it("given the hot lead's plan, when the day-0 job runs again and the day-2 call job runs twice, then no second e-mail is sent and one call task is the territory owner's", async () => {
    const id = await startLead({
      lead: { name: 'Max Roe', email: 'max.roe@acme.example', product: 'Stageflow' },
      country: 'AT',
      budget: 120000,
      authority: true,
      need: 'medium',
      timelineDays: 60,
    });
    await atQualify(id);
    await eventually(async () => {
      const rows = await suite.query<{ status: string }>('SELECT status FROM email_outbox WHERE process_instance_id = $1', [id]);
      return rows[0]?.status === 'sent' ? true : undefined;
    }, 'the welcome e-mail to be sent');
    const call = await planJob(id, 'bant-hot', 'first-call');
    if (!call) throw new Error('the day-2 call is not scheduled');
    const welcomePayload = { ...call.payload, stepId: 'welcome' };

    await suite.query("SELECT graphile_worker.add_job('stageflow.run-contact-plan-step', $1::json, job_key := $2)", [
      JSON.stringify(welcomePayload),
      `again-welcome:${id}`,
    ]);
    await suite.query("SELECT graphile_worker.add_job('stageflow.run-contact-plan-step', $1::json, job_key := $2)", [
      JSON.stringify(call.payload),
      `again-call:${id}`,
    ]);
    await suite.query('SELECT graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at := now())', [call.id]);
    await jobsGone([`again-welcome:${id}`, `again-call:${id}`, `contact-plan:${id}:bant-hot:first-call`]);

    expect(smtp.mailsTo('max.roe@acme.example')).toHaveLength(1);
    const outbox = await suite.query<{ n: number }>('SELECT count(*)::int AS n FROM email_outbox WHERE process_instance_id = $1', [id]);
    expect(outbox).toEqual([{ n: 1 }]);
    const adHoc = (await tasksOf(id)).filter((task) => task.source === 'action');
    expect(adHoc).toEqual([
      expect.objectContaining({
        name: 'Call Max Roe (hot lead)',
        elementId: 'startPlan',
        assignee: 'bant-owner',
        assignment: expect.objectContaining({ strategy: 'territoryOwner' }),
      }),
    ]);
  });

  it('given a warm lead from elsewhere, when the process runs, then the rule picks the nurture plan: no e-mail, a check-in in a week, and the task waits unsorted', async () => {
    const id = await startLead({
      lead: { name: 'Ann Poe', email: 'ann.poe@acme.example', product: 'Stageflow' },
      country: 'US',
      budget: 20000,
      authority: false,
      need: 'low',
      timelineDays: 365,
    });

    const tasks = await atQualify(id);

    expect(tasks).toEqual([expect.objectContaining({ elementId: 'qualify', assignee: null, assignment: expect.objectContaining({ strategy: 'unsorted' }) })]);
    const [{ started_at: startedAt }] = (await suite.query<{ started_at: Date }>(
      "SELECT started_at FROM contact_plan_starts WHERE process_instance_id = $1 AND plan_key = 'bant-nurture'",
      [id],
    )) as [{ started_at: Date }];
    expect((await planJob(id, 'bant-nurture', 'check-in'))?.run_at.getTime()).toBe(startedAt.getTime() + 7 * DAY);
    expect(await suite.query('SELECT id FROM email_outbox WHERE process_instance_id = $1', [id])).toEqual([]);
  });
});
