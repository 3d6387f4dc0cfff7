// A record's timeline (GET /<records>/{id}/timeline): field changes, stage changes, an activity, a
// comment, an attachment, an e-mail of its process and its process's tasks in one list, newest
// first, paged by cursor without repeats or gaps; another seller's record is 404.
import { randomUUID } from 'node:crypto';
import { contractIssues } from '@stageflow/api-contract';
import { SAMPLE_FILES } from '../src/crm/attachments/sample-files.testing.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const DEAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="timeline-deal" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify the deal" stageflow:stage="Qualification" stageflow:candidateGroups="north" />
    <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="offer" />
    <bpmn:userTask id="offer" name="Send the offer" stageflow:stage="Offer" stageflow:candidateGroups="north" />
    <bpmn:sequenceFlow id="f3" sourceRef="offer" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

interface Entry {
  at: string;
  kind: string;
  actor?: { id: string | null; name: string };
  summary: string;
  details: Record<string, unknown>;
  ref?: { type: string; id: string; href?: string };
}

describe('a record’s timeline', () => {
  let seller = { id: '', token: '' };
  let other = { id: '', token: '' };
  let opportunityId = '';
  const as = (token: string) => suite.as(token);

  beforeAll(async () => {
    seller = await suite.createUser('tilda', ['seller'], ['north']);
    other = await suite.createUser('theo', ['seller'], ['south']);
    await suite.deploy([{ name: 'timeline-deal.bpmn', content: DEAL }]);
    expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'timeline-deal' })).status).toBe(200);

    const created = await as(seller.token).post('/opportunities', { name: 'Timeline deal', value: 100, currency: 'EUR' });
    expect(created.status).toBe(201);
    opportunityId = created.body.id as string;
    const process = await eventually(async () => {
      const answer = await as(seller.token).get(`/opportunities/${opportunityId}/process`);
      return answer.body.openTasks?.length === 1 ? answer.body : undefined;
    }, 'the opportunity process to start');

    expect((await as(seller.token).patch(`/opportunities/${opportunityId}`, { value: 2500 })).status).toBe(200);
    expect((await as(seller.token).post('/activities', { kind: 'call', subject: 'Discovery call', opportunityId })).status).toBe(201);
    expect((await as(seller.token).post(`/opportunities/${opportunityId}/comments`, { body: 'The buyer wants a 3-year term.' })).status).toBe(201);
    const upload = await suite
      .http()
      .post(`/api/v1/opportunities/${opportunityId}/attachments`)
      .set(...bearer(seller.token))
      .attach('file', SAMPLE_FILES.pdf, 'offer.pdf');
    expect(upload.status).toBe(201);
    // An e-mail the record's process sent (as a send task's action writes it to the outbox).
    await suite.query(
      `INSERT INTO email_outbox (id, idempotency_key, process_instance_id, to_address, subject, body, message_id, status)
       VALUES ($1, $2, $3, 'buyer@example.com', 'Your offer', 'Hello', $4, 'queued')`,
      [randomUUID(), `timeline-test:${opportunityId}`, process.instances[0].id, `<${randomUUID()}@stageflow.test>`],
    );
    expect((await as(seller.token).post(`/tasks/${process.openTasks[0].id}/complete`, {})).status).toBe(200);
  });

  const everything = async (limit: number): Promise<{ items: Entry[]; pages: number }> => {
    const items: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await as(seller.token).get(`/opportunities/${opportunityId}/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      items.push(...(answer.body.items as Entry[]));
      cursor = answer.body.nextCursor as string | null;
      pages += 1;
    } while (cursor !== null && pages < 50);
    return { items, pages };
  };

  it('merges field changes, stage changes, the activity, the comment, the attachment, the e-mail and the tasks, newest first', async () => {
    const answer = await as(seller.token).get(`/opportunities/${opportunityId}/timeline`);
    expect(answer.status).toBe(200);
    const items = answer.body.items as Entry[];
    expect(answer.body.nextCursor).toBeNull();
    // Every kind of entry is what the API contract (and so the OpenAPI document) says it is.
    expect(contractIssues('TimelinePage', answer.body)).toEqual([]);
    const kinds = new Set(items.map((item) => item.kind));
    for (const kind of ['field-change', 'stage-change', 'activity', 'comment', 'attachment', 'email', 'task-created', 'task-completed'])
      expect(kinds).toContain(kind);

    const times = items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);

    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'field-change',
        actor: { id: seller.id, name: 'tilda' },
        details: expect.objectContaining({ field: 'value', old: 100, new: 2500 }),
      }),
    );
    expect(items.filter((item) => item.kind === 'stage-change').map((item) => item.details.new)).toEqual(['Offer', 'Qualification']);
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'activity', summary: 'call: Discovery call', ref: expect.objectContaining({ type: 'activity' }) }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'comment', summary: 'The buyer wants a 3-year term.', actor: { id: seller.id, name: 'tilda' } }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'attachment',
        details: expect.objectContaining({ action: 'added' }),
        ref: expect.objectContaining({ type: 'attachment' }),
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'email', details: expect.objectContaining({ to: 'buyer@example.com', subject: 'Your offer' }) }),
    );
    expect(items.filter((item) => item.kind === 'task-created').map((item) => item.details.name)).toEqual(['Send the offer', 'Qualify the deal']);
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'task-completed', actor: { id: null, name: 'tilda' }, details: expect.objectContaining({ name: 'Qualify the deal' }) }),
    );
    // The first task came before the change of value, the second stage after it.
    const position = (predicate: (item: Entry) => boolean) => items.findIndex(predicate);
    expect(position((item) => item.kind === 'task-created' && item.details.name === 'Qualify the deal')).toBeGreaterThan(
      position((item) => item.kind === 'field-change' && item.details.field === 'value' && item.details.new === 2500),
    );
    expect(position((item) => item.kind === 'stage-change' && item.details.new === 'Offer')).toBe(0);
  });

  it('pages by cursor without repeats or gaps', async () => {
    const whole = (await as(seller.token).get(`/opportunities/${opportunityId}/timeline?limit=100`)).body.items as Entry[];
    const { items, pages } = await everything(2);
    expect(pages).toBe(Math.ceil(whole.length / 2));
    expect(items).toEqual(whole);
    const keys = items.map((item) => `${item.kind}:${item.ref?.id ?? ''}:${item.at}:${JSON.stringify(item.details)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers 404 to another seller and refuses bad parameters', async () => {
    expect((await as(other.token).get(`/opportunities/${opportunityId}/timeline`)).status).toBe(404);
    expect((await as(seller.token).get('/opportunities/not-an-id/timeline')).status).toBe(404);
    const limit = await as(seller.token).get(`/opportunities/${opportunityId}/timeline?limit=101`);
    expect(limit.status).toBe(400);
    expect(limit.body.details).toEqual([expect.objectContaining({ path: 'limit' })]);
    expect((await as(seller.token).get(`/opportunities/${opportunityId}/timeline?cursor=nonsense`)).status).toBe(400);
    expect((await as(seller.token).get(`/opportunities/${opportunityId}/timeline?sort=at`)).status).toBe(400);
  });

  it('shows a contact the e-mails sent to its addresses', async () => {
    const contact = await as(seller.token).post('/contacts', { firstName: 'Bea', lastName: 'Buyer', emails: ['Bea@Example.org'] });
    expect(contact.status).toBe(201);
    await suite.query(
      `INSERT INTO email_outbox (id, idempotency_key, process_instance_id, to_address, subject, body, message_id, status)
       VALUES ($1, $2, NULL, 'bea@example.org', 'Welcome', 'Hello', $3, 'sent')`,
      [randomUUID(), `timeline-test:${contact.body.id}`, `<${randomUUID()}@stageflow.test>`],
    );
    const items = (await as(seller.token).get(`/contacts/${contact.body.id}/timeline`)).body.items as Entry[];
    expect(items).toContainEqual(expect.objectContaining({ kind: 'email', details: expect.objectContaining({ to: 'bea@example.org', status: 'sent' }) }));
  });

  it('names the ids of a field change — a record by its title where the caller sees it, else only "a record you may not see"; the owner by name', async () => {
    const own = await as(seller.token).post('/organizations', { name: 'Tilda Trading' });
    const foreign = await as(other.token).post('/organizations', { name: 'Theo Secret Holdings' });
    expect([own.status, foreign.status]).toEqual([201, 201]);
    const lead = await as(seller.token).post('/leads', { title: 'Named lead', channel: 'web-form', organizationId: own.body.id });
    expect(lead.status).toBe(201);
    // A manager moves the lead to an organization the seller may not see, and gives it to another seller.
    expect((await as(suite.adminToken()).patch(`/leads/${lead.body.id}`, { organizationId: foreign.body.id })).status).toBe(200);

    const answer = await as(seller.token).get(`/leads/${lead.body.id}/timeline`);
    expect(answer.status).toBe(200);
    expect(contractIssues('TimelinePage', answer.body)).toEqual([]);
    const moved = (answer.body.items as (Entry & { names?: unknown })[]).find((entry) => entry.details.field === 'organizationId');
    expect(moved).toMatchObject({
      summary: 'organizationId: Tilda Trading → a record you may not see',
      names: {
        old: { name: 'Tilda Trading', record: { type: 'organization', id: own.body.id }, visible: true },
        new: { name: null, record: null, visible: false },
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain('Theo Secret Holdings');

    const forAdmin = (await as(suite.adminToken()).get(`/leads/${lead.body.id}/timeline`)).body.items as (Entry & { names?: unknown })[];
    expect(forAdmin.find((entry) => entry.details.field === 'organizationId')).toMatchObject({
      summary: 'organizationId: Tilda Trading → Theo Secret Holdings',
      names: { new: { name: 'Theo Secret Holdings', record: { type: 'organization', id: foreign.body.id }, visible: true } },
    });

    expect((await as(suite.adminToken()).post(`/leads/${lead.body.id}/owner`, { ownerId: other.id, reason: 'Theo covers the north now' })).status).toBe(200);
    const handed = ((await as(suite.adminToken()).get(`/leads/${lead.body.id}/timeline`)).body.items as (Entry & { names?: unknown })[]).find(
      (entry) => entry.details.field === 'ownerId',
    );
    expect(handed).toMatchObject({ summary: 'ownerId: tilda → theo', names: { old: { name: 'tilda', visible: true }, new: { name: 'theo', visible: true } } });
  });
});
