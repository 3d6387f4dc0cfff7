// Attachments on CRM records through the API: the kind told from the content (an .exe named .pdf
// is refused), the size limit (STAGEFLOW_ATTACHMENT_MAX_BYTES, small here), safe file names, the
// download with its Content-Type and Content-Disposition, the record's visibility on every route
// (another seller's record, or a file on it, is 404), and the history of uploads and deletes.
import type { Response } from 'supertest';
import { SAMPLE_FILES } from '../src/crm/attachments/sample-files.testing.js';
import { binaryBody } from './support/binary-body.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { createCrmCast, type Person } from './support/crm-cast.js';

const MAX_BYTES = 64 * 1024;
const suite = setupEngineSuite({ env: { STAGEFLOW_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });

describe('CRM attachments', () => {
  let north: Person; // seller, owns the records
  let northToo: Person; // another seller of the same team
  let south: Person;
  let northManager: Person;
  let southManager: Person;
  let analyst: Person;
  let organizationId = '';

  const upload = (token: string, path: string, content: Buffer, name: string) =>
    suite
      .http()
      .post(`/api/v1${path}/attachments`)
      .set(...bearer(token))
      .attach('file', content, name);
  const get = (token: string, path: string) =>
    suite
      .http()
      .get(`/api/v1${path}`)
      .set(...bearer(token));
  const download = (token: string, id: string) =>
    suite
      .http()
      .get(`/api/v1/attachments/${id}`)
      .set(...bearer(token))
      .buffer(true)
      .parse(binaryBody as never);
  const remove = (token: string, id: string) =>
    suite
      .http()
      .delete(`/api/v1/attachments/${id}`)
      .set(...bearer(token));
  const count = async (): Promise<number> => Number((await suite.query<{ count: string }>('SELECT count(*) FROM crm_attachments'))[0]!.count);

  beforeAll(async () => {
    ({ north, northToo, south, northManager, southManager, analyst } = await createCrmCast(suite));
    const created = await suite
      .http()
      .post('/api/v1/organizations')
      .set(...bearer(north.token))
      .send({ name: 'Acme Ltd' });
    organizationId = created.body.id;
  });

  it('stores a PDF on a record, lists it and serves it back with its type and name to those who see the record', async () => {
    const uploaded = await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES.pdf, 'Angebot Müller.pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      recordType: 'organization',
      recordId: organizationId,
      fileName: 'Angebot Müller.pdf',
      contentType: 'application/pdf',
      size: SAMPLE_FILES.pdf.length,
      uploadedBy: { id: north.id, name: 'nora' },
    });
    const id = uploaded.body.id as string;
    expect(uploaded.body.href).toBe(`/api/v1/attachments/${id}`);

    const list = await get(north.token, `/organizations/${organizationId}/attachments`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    for (const reader of [north, northManager, analyst, { id: '', token: suite.adminToken() }]) {
      const file: Response = await download(reader.token, id);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(`attachment; filename="Angebot Muller.pdf"; filename*=UTF-8''Angebot%20M%C3%BCller.pdf`);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.body as Buffer, SAMPLE_FILES.pdf)).toBe(0);
    }

    const history = await get(north.token, `/organizations/${organizationId}/history`);
    expect(history.body.items[0]).toMatchObject({
      field: 'attachments',
      old: null,
      new: { id, fileName: 'Angebot Müller.pdf', contentType: 'application/pdf', size: SAMPLE_FILES.pdf.length },
      actor: { name: 'nora' },
    });
  });

  it('answers 404 on every attachment route to a seller or manager who does not see the record', async () => {
    const id = (await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES.png, 'logo.png')).body.id as string;
    for (const outsider of [northToo, south, southManager]) {
      expect((await upload(outsider.token, `/organizations/${organizationId}`, SAMPLE_FILES.pdf, 'x.pdf')).status).toBe(404);
      expect((await get(outsider.token, `/organizations/${organizationId}/attachments`)).status).toBe(404);
      const file = await download(outsider.token, id);
      expect(file.status).toBe(404);
      expect((await remove(outsider.token, id)).status).toBe(404);
    }
    // An analyst reads every record but changes none.
    expect((await upload(analyst.token, `/organizations/${organizationId}`, SAMPLE_FILES.pdf, 'x.pdf')).status).toBe(403);
    expect((await remove(analyst.token, id)).status).toBe(403);
    expect((await download(north.token, id)).status).toBe(200);
  });

  it.each([
    ['docx', 'contract.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'prices.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'pitch.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['odt', 'nda.odt', 'application/vnd.oasis.opendocument.text'],
    ['jpeg', 'photo.jpg', 'image/jpeg'],
    ['gif', 'a.gif', 'image/gif'],
    ['webp', 'a.webp', 'image/webp'],
    ['csv', 'leads.csv', 'text/csv; charset=utf-8'],
    ['text', 'notes.txt', 'text/plain; charset=utf-8'],
  ] as const)('accepts %s, told from its content', async (sample, name, mime) => {
    const uploaded = await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES[sample], name);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.contentType).toBe(mime);
    expect((await download(north.token, uploaded.body.id)).headers['content-type']).toBe(mime);
  });

  it('refuses an executable renamed .pdf, a bare ZIP and bytes that are not text, storing nothing', async () => {
    const before = await count();
    for (const [sample, name] of [
      ['exe', 'offer.pdf'],
      ['zip', 'contract.docx'],
      ['binary', 'data.csv'],
    ] as const) {
      const refused = await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES[sample], name);
      expect(refused.status).toBe(415);
      expect(refused.body.error).toBe('unsupported_media_type');
      expect(JSON.stringify(refused.body.details)).toContain('file');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a file over STAGEFLOW_ATTACHMENT_MAX_BYTES with 413, and a request without a file with 400 naming it', async () => {
    const before = await count();
    const big = Buffer.alloc(MAX_BYTES + 1, 'a');
    const refused = await upload(north.token, `/organizations/${organizationId}`, big, 'big.txt');
    expect(refused.status).toBe(413);
    expect((await upload(north.token, `/organizations/${organizationId}`, Buffer.alloc(MAX_BYTES, 'a'), 'just-fits.txt')).status).toBe(201);
    const none = await suite
      .http()
      .post(`/api/v1/organizations/${organizationId}/attachments`)
      .set(...bearer(north.token))
      .field('note', 'no file');
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body.details)).toContain('file');
    expect(await count()).toBe(before + 1);
  });

  it('makes the file name safe and makes it end as its content does', async () => {
    const odd = await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES.docx, '../../etc/Offer <v2>\u202e.docx');
    expect(odd.body.fileName).toBe('Offer _v2__.docx');
    const renamed = await upload(north.token, `/organizations/${organizationId}`, SAMPLE_FILES.pdf, 'invoice.exe');
    expect(renamed.body.fileName).toBe('invoice.exe.pdf');
    expect((await download(north.token, renamed.body.id)).headers['content-disposition']).toContain('filename="invoice.exe.pdf"');
  });

  it('deletes a file, recorded in the history, and works alike on every record type', async () => {
    const lead = await suite
      .http()
      .post('/api/v1/leads')
      .set(...bearer(north.token))
      .send({ title: 'Web form', channel: 'web-form' });
    const uploaded = await upload(north.token, `/leads/${lead.body.id}`, SAMPLE_FILES.text, 'notes.txt');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.recordType).toBe('lead');
    expect((await remove(northManager.token, uploaded.body.id)).status).toBe(204);
    expect((await download(north.token, uploaded.body.id)).status).toBe(404);
    expect((await get(north.token, `/leads/${lead.body.id}/attachments`)).body.items).toEqual([]);
    const history = await get(north.token, `/leads/${lead.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ field: 'attachments', old: { fileName: 'notes.txt' }, new: null, actor: { name: 'maria' } });
    // Deleting the record deletes its files.
    const again = await upload(north.token, `/leads/${lead.body.id}`, SAMPLE_FILES.text, 'notes.txt');
    expect(
      (
        await suite
          .http()
          .delete(`/api/v1/leads/${lead.body.id}`)
          .set(...bearer(north.token))
      ).status,
    ).toBe(204);
    expect((await download(suite.adminToken(), again.body.id)).status).toBe(404);
  });

  it('answers 404 for ids that are no UUID', async () => {
    expect((await download(north.token, 'not-a-uuid')).status).toBe(404);
    expect((await get(north.token, '/organizations/not-a-uuid/attachments')).status).toBe(404);
  });
});
