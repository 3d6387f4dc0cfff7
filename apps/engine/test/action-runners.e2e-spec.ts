// Each action type run by a service task end to end: what it writes, once per run.
import { createHmac } from 'node:crypto';
import { actionTemplate, serviceTaskDiagram } from './support/actions.js';
import { oneTaskDiagram } from './support/diagrams.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { SmtpReceiver } from './support/smtp-receiver.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const smtp = new SmtpReceiver({ user: 'stageflow', pass: 'smtp-secret' });
const receiver = new WebhookReceiver('127.0.0.2');
const env: Record<string, string> = {
  SMTP_FROM: 'Stageflow Sales <sales@stageflow.example>',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.2',
  WEBHOOK_SECRETS: JSON.stringify({ crm: 'crm-test-secret' }),
};
beforeAll(async () => {
  await smtp.start();
  await receiver.start();
  env.SMTP_URL = smtp.url();
});
afterAll(async () => {
  await smtp.stop();
  await receiver.stop();
});

const suite = setupEngineSuite({ env });

interface InstanceDetail {
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
}

async function start(key: string, variables: Record<string, unknown> = {}): Promise<string> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

function movedOn(id: string): Promise<InstanceDetail> {
  return eventually(async () => {
    const detail = (
      await suite
        .http()
        .get(`/api/v1/process-instances/${id}`)
        .set(...bearer(suite.adminToken()))
    ).body as InstanceDetail;
    return detail.activeElementIds.includes('act') && detail.state !== 'incident' ? undefined : detail;
  }, `instance ${id} to leave its service task`);
}

async function runJobAgain(instanceId: string, variables: Record<string, unknown>): Promise<void> {
  const [run] = await suite.query<{ action_id: string; element_id: string; action_key: string }>(
    "SELECT split_part(idempotency_key, ':', 2) AS action_id, element_id, action_key FROM action_runs WHERE process_instance_id = $1",
    [instanceId],
  );
  const payload = { processInstanceId: instanceId, actionId: run!.action_id, elementId: run!.element_id, actionKey: run!.action_key, variables };
  await suite.query(`SELECT graphile_worker.add_job('stageflow.run-action', $1::json, job_key := 'again-${instanceId}')`, [JSON.stringify(payload)]);
  await eventually(async () => {
    const left = await suite.query<{ count: string }>('SELECT count(*) FROM graphile_worker.jobs WHERE key = $1', [`again-${instanceId}`]);
    return Number(left[0]?.count) === 0 ? true : undefined;
  }, 'the repeated job to be worked');
}

describe('action runners', () => {
  let anna = '';
  let bob = '';

  beforeAll(async () => {
    anna = (await suite.createUser('ar-anna', ['seller'])).token;
    bob = (await suite.createUser('ar-bob', ['seller'], ['ar-inside'])).token;
    await suite.deploy([
      { name: 'follow-up.bpmn', content: oneTaskDiagram('ar_follow_up') },
      { name: 'welcome.liquid', content: 'Dear {{ lead.name }},\nthank you for your interest.\n{% include "signature" %}' },
      { name: 'signature.liquid', content: '-- {{ owner }}, Acme Sales' },
      { name: 'notify.action.json', content: actionTemplate('ar_notify', { type: 'notifyUser', user: '{{ owner }}', message: 'Call {{ lead.name }} today' }) },
      {
        name: 'start.action.json',
        content: actionTemplate('ar_start', {
          type: 'startProcess',
          processKey: 'ar_follow_up',
          variables: { lead: '{{ lead.name }}', budget: '{{ lead.budget }}' },
        }),
      },
      {
        name: 'task.action.json',
        content: actionTemplate('ar_task', {
          type: 'createTask',
          title: 'Call {{ lead.name }}',
          description: 'Budget {{ lead.budget }}',
          dueIn: 'P2D',
          assignment: { strategy: 'roundRobin', team: 'ar-inside' },
        }),
      },
      { name: 'unassigned-task.action.json', content: actionTemplate('ar_unassigned_task', { type: 'createTask', title: 'Check {{ lead.name }}' }) },
      {
        name: 'mail.action.json',
        content: actionTemplate('ar_mail', { type: 'sendEmail', to: '{{ lead.email }}', subject: 'Welcome, {{ lead.name }}', template: 'welcome' }),
      },
      {
        name: 'hook.action.json',
        content: actionTemplate('ar_hook', {
          type: 'callWebhook',
          url: 'http://127.0.0.2:{{ port }}/leads/{{ lead.id }}',
          body: '{"lead": "{{ lead.name }}"}',
          secret: 'crm',
        }),
      },
      { name: 'hook.bpmn', content: serviceTaskDiagram('ar_hook_process', 'ar_hook') },
      { name: 'notify.bpmn', content: serviceTaskDiagram('ar_notify_process', 'ar_notify') },
      { name: 'start.bpmn', content: serviceTaskDiagram('ar_start_process', 'ar_start') },
      { name: 'task.bpmn', content: serviceTaskDiagram('ar_task_process', 'ar_task') },
      { name: 'unassigned.bpmn', content: serviceTaskDiagram('ar_unassigned_process', 'ar_unassigned_task') },
      { name: 'mail.bpmn', content: serviceTaskDiagram('ar_mail_process', 'ar_mail', { catchCode: 'INVALID_ACTION_INPUT' }) },
    ]);
  });

  describe('notifyUser', () => {
    it('given a notification for a user, when they list theirs, then they see it unread, mark it read, and nobody else sees it', async () => {
      const id = await start('ar_notify_process', { owner: 'ar-anna', lead: { name: 'Jane' } });
      await movedOn(id);

      const mine = await suite
        .http()
        .get('/api/v1/notifications?unread=true')
        .set(...bearer(anna));
      const others = await suite
        .http()
        .get('/api/v1/notifications')
        .set(...bearer(bob));
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(
        expect.objectContaining({ total: 1, items: [expect.objectContaining({ message: 'Call Jane today', processInstanceId: id, readAt: null })] }),
      );
      expect(others.body.total).toBe(0);

      const notificationId = mine.body.items[0].id as string;
      const byOther = await suite
        .http()
        .post(`/api/v1/notifications/${notificationId}/read`)
        .set(...bearer(bob));
      const read = await suite
        .http()
        .post(`/api/v1/notifications/${notificationId}/read`)
        .set(...bearer(anna));
      const unreadAfter = await suite
        .http()
        .get('/api/v1/notifications?unread=true')
        .set(...bearer(anna));
      const all = await suite
        .http()
        .get('/api/v1/notifications')
        .set(...bearer(anna));

      expect(byOther.status).toBe(404);
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect(unreadAfter.body.total).toBe(0);
      expect(all.body.total).toBe(1);
    });
  });

  describe('startProcess', () => {
    it('given a startProcess action, when it runs and its job runs again, then exactly one instance of the process starts, with the rendered variables', async () => {
      const id = await start('ar_start_process', { lead: { name: 'Jane', budget: 5000 } });
      await movedOn(id);
      await runJobAgain(id, { lead: { name: 'Jane', budget: 5000 } });

      const started = await suite.query<{ variables: Record<string, unknown> }>(
        "SELECT variables FROM process_instances WHERE definition_key = 'ar_follow_up'",
      );
      expect(started).toEqual([{ variables: { lead: 'Jane', budget: '5000' } }]);
    });
  });

  describe('createTask', () => {
    it('given a createTask action with a round-robin assignment, when it runs, then an ad-hoc task is on the instance task list, assigned, due in two days', async () => {
      const id = await start('ar_task_process', { lead: { name: 'Jane', budget: 5000 } });
      await movedOn(id);

      const tasks = await suite
        .http()
        .get(`/api/v1/tasks?processInstanceId=${id}`)
        .set(...bearer(suite.adminToken()));
      const adHoc = (tasks.body.items as { source: string }[]).filter((task) => task.source === 'action');
      expect(adHoc).toEqual([
        expect.objectContaining({
          name: 'Call Jane',
          description: 'Budget 5000',
          elementId: 'act',
          assignee: 'ar-bob',
          state: 'created',
          assignment: expect.objectContaining({ strategy: 'roundRobin' }),
        }),
      ]);
      const [{ days }] = await suite.query<{ days: string }>(
        "SELECT round(extract(epoch FROM (due_at - created_at)) / 86400) AS days FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'",
        [id],
      );
      expect(Number(days)).toBe(2);
    });

    it('given an ad-hoc task, when its assignee completes it, then it is completed and the instance does not move', async () => {
      const id = await start('ar_task_process', { lead: { name: 'Joe', budget: 1 } });
      await movedOn(id);
      const [task] = await suite.query<{ id: string }>("SELECT id FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'", [id]);

      const completed = await suite
        .http()
        .post(`/api/v1/tasks/${task!.id}/complete`)
        .set(...bearer(bob))
        .send({});
      const again = await suite
        .http()
        .post(`/api/v1/tasks/${task!.id}/complete`)
        .set(...bearer(bob))
        .send({});

      expect(completed.status).toBe(200);
      expect(completed.body).toEqual(
        expect.objectContaining({ state: 'completed', completedBy: 'ar-bob', processInstance: expect.objectContaining({ activeElementIds: ['next'] }) }),
      );
      expect(again.status).toBe(409);
    });

    it('given a createTask action without an assignment, when it runs, then the task waits in the unsorted queue', async () => {
      const id = await start('ar_unassigned_process', { lead: { name: 'Jane' } });
      await movedOn(id);

      const [task] = await suite.query<{ assignee: string | null; candidate_groups: string[] }>(
        "SELECT assignee, candidate_groups FROM user_tasks WHERE process_instance_id = $1 AND source = 'action'",
        [id],
      );
      expect(task).toEqual({ assignee: null, candidate_groups: ['unsorted'] });
    });
  });

  describe('sendEmail', () => {
    it('given an e-mail action with a deployed template, when it runs, then the rendered mail reaches the SMTP server once', async () => {
      const id = await start('ar_mail_process', { owner: 'Anna', lead: { name: 'Jane', email: 'jane@acme.example' } });
      await movedOn(id);

      const mail = await eventually(async () => smtp.mails.find((candidate) => candidate.to.includes('jane@acme.example')), 'the welcome mail');
      expect(mail.headers.subject).toBe('Welcome, Jane');
      expect(mail.body).toContain('Dear Jane,');
      expect(mail.body).toContain('-- Anna, Acme Sales');
      const queued = await suite.query<{ count: string }>('SELECT count(*) FROM email_outbox WHERE process_instance_id = $1', [id]);
      expect(Number(queued[0]?.count)).toBe(1);
    });

    it('given an address that renders empty, when the action runs, then it fails with INVALID_ACTION_INPUT, which the error boundary catches', async () => {
      const id = await start('ar_mail_process', { owner: 'Anna', lead: { name: 'Jane' } });

      const detail = await movedOn(id);

      expect(detail.activeElementIds).toEqual(['handleError']);
    });
  });

  describe('callWebhook', () => {
    it('given a webhook action, when it runs, then the rendered body is POSTed once, signed, with the run key as idempotency key', async () => {
      const id = await start('ar_hook_process', { port: receiver.port, lead: { id: 'L-7', name: 'Jane' } });
      await movedOn(id);

      const call = await eventually(async () => receiver.calls.find((candidate) => candidate.path === '/leads/L-7'), 'the webhook call');
      expect(JSON.parse(call.body)).toEqual({ lead: 'Jane' });
      const timestamp = String(call.headers['stageflow-timestamp']);
      expect(call.headers['stageflow-signature']).toBe(`sha256=${createHmac('sha256', 'crm-test-secret').update(`${timestamp}.${call.body}`).digest('hex')}`);
      expect(call.headers['stageflow-idempotency-key']).toEqual(expect.stringMatching(new RegExp(`^${id}:`)));
    });
  });
});
