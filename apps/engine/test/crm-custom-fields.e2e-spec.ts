// Custom fields per record type through the API: a `<type>.fields.json` deployed and versioned
// like a rule set, checked at deploy (errors naming the resource and the property), the schema in
// force served for forms, and every record write's `custom` checked against it (errors naming the
// field, nothing written). With no schema deployed, `custom` takes any JSON object.
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

const organizationFields = {
  title: 'Organization fields',
  type: 'object',
  properties: {
    segment: { type: 'string', title: 'Segment', enum: ['smb', 'mid-market', 'enterprise'] },
    employees: { type: 'integer', minimum: 0, maximum: 10_000_000 },
    audited: { type: 'boolean' },
    foundedOn: { type: 'string', format: 'date' },
    tags: { type: 'array', items: { type: 'string', maxLength: 30 }, maxItems: 10, uniqueItems: true },
    vatCode: { type: 'string', pattern: '^[A-Z]{2}[0-9]{8,12}$' },
  },
  required: ['segment'],
};

describe('CRM custom fields', () => {
  let seller = { id: '', token: '' };

  const deploy = (resources: { name: string; content: string }[], token = suite.adminToken()) =>
    suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(token))
      .send({ name: 'fields', resources });
  const post = (path: string, body: object, token = seller.token) =>
    suite
      .http()
      .post(`/api/v1${path}`)
      .set(...bearer(token))
      .send(body);
  const patch = (path: string, body: object, token = seller.token) =>
    suite
      .http()
      .patch(`/api/v1${path}`)
      .set(...bearer(token))
      .send(body);
  const get = (path: string, token = seller.token) =>
    suite
      .http()
      .get(`/api/v1${path}`)
      .set(...bearer(token));

  beforeAll(async () => {
    seller = await suite.createUser('cf-seller', ['seller'], ['cf']);
  });

  it('given no schema deployed, then GET answers schema null and any JSON object is stored as custom', async () => {
    const schema = await get('/custom-fields/contact');
    expect(schema.status).toBe(200);
    expect(schema.body).toEqual({ recordType: 'contact', id: null, version: null, resourceName: null, deploymentId: null, createdAt: null, schema: null });

    const created = await post('/contacts', { lastName: 'Free', custom: { anything: { nested: [1, 'two'] } } });
    expect(created.status).toBe(201);
    expect(created.body.custom).toEqual({ anything: { nested: [1, 'two'] } });
  });

  it('given an unknown record type, then GET answers 404', async () => {
    const response = await get('/custom-fields/invoice');
    expect(response.status).toBe(404);
  });

  it('given schemas that are not simple object schemas, when deployed, then 422 names the resource and the property and nothing is stored', async () => {
    const response = await deploy([
      {
        name: 'organization.fields.json',
        content: JSON.stringify({
          type: 'object',
          properties: {
            segment: { type: 'object' },
            'bad name': { type: 'string' },
            size: { type: 'integer', pattern: 'x' },
            code: { type: 'string', pattern: '(a+)+$' },
          },
          required: ['missing'],
        }),
      },
      { name: 'invoice.fields.json', content: JSON.stringify({ type: 'object', properties: {} }) },
      { name: 'lead.fields.json', content: JSON.stringify({ type: 'array' }) },
      { name: 'opportunity.fields.json', content: '{ not json' },
      { name: 'activity.fields.json', content: JSON.stringify({ type: 'object', properties: {}, additionalProperties: true }) },
    ]);

    expect(response.status).toBe(422);
    const details = response.body.details as { resource: string; path?: string; message: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'organization.fields.json', path: 'properties.segment.type', message: expect.stringContaining('must be one of') }),
        expect.objectContaining({ resource: 'organization.fields.json', path: 'properties.bad name' }),
        expect.objectContaining({ resource: 'organization.fields.json', path: 'properties.size.pattern', message: expect.stringContaining('not allowed') }),
        expect.objectContaining({ resource: 'organization.fields.json', path: 'properties.code.pattern' }),
        expect.objectContaining({ resource: 'organization.fields.json', path: 'required[0]' }),
        expect.objectContaining({ resource: 'invoice.fields.json', message: expect.stringContaining('"invoice" is not a record type') }),
        expect.objectContaining({ resource: 'lead.fields.json', path: 'type' }),
        expect.objectContaining({ resource: 'opportunity.fields.json', message: expect.stringContaining('is not valid JSON') }),
        expect.objectContaining({ resource: 'activity.fields.json', path: 'additionalProperties' }),
      ]),
    );
    expect(await suite.query('SELECT * FROM crm_custom_field_schemas')).toEqual([]);
  });

  it('given a schema over the size limit, when deployed, then 422 names the resource', async () => {
    const properties = Object.fromEntries(Array.from({ length: 2000 }, (_, index) => [`field${index}`, { type: 'string', description: 'x'.repeat(30) }]));
    const response = await deploy([{ name: 'lead.fields.json', content: JSON.stringify({ type: 'object', properties }) }]);
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ resource: 'lead.fields.json', path: '', message: expect.stringContaining('is longer than 65536 characters') }]);
  });

  describe('given organization.fields.json deployed', () => {
    beforeAll(async () => {
      const response = await deploy([{ name: 'crm/organization.fields.json', content: JSON.stringify(organizationFields) }]);
      expect(response.status).toBe(201);
      expect(response.body.customFields).toEqual([{ id: expect.any(String), key: 'organization', version: 1, name: 'Organization fields' }]);
    });

    it('then GET /custom-fields/organization answers the schema in force', async () => {
      const response = await get('/custom-fields/organization');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ recordType: 'organization', version: 1, resourceName: 'crm/organization.fields.json', schema: organizationFields });
    });

    it('when a record is created with valid custom fields, then they are stored and filterable', async () => {
      const custom = { segment: 'enterprise', employees: 1200, audited: true, foundedOn: '1999-04-01', tags: ['steel', 'export'], vatCode: 'DE123456789' };
      const created = await post('/organizations', { name: 'Valid Steel', custom });
      expect(created.status).toBe(201);
      expect(created.body.custom).toEqual(custom);
      const listed = await get('/organizations?custom.segment=enterprise');
      expect(listed.body.items.map((item: { name: string }) => item.name)).toEqual(['Valid Steel']);
    });

    it('when custom fields fail the schema, then 400 names every field and nothing is written', async () => {
      const before = await suite.query<{ count: string }>('SELECT count(*) FROM crm_organizations');
      const response = await post('/organizations', {
        name: 'Broken Ltd',
        custom: { segment: 'huge', employees: -1, audited: 'yes', foundedOn: '1999-13-01', tags: ['a', 'a'], vatCode: 'nope', unknown: 1 },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('custom.unknown is not allowed (and 6 more)');
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { path: 'custom.segment', message: 'must be one of "smb", "mid-market", "enterprise"' },
          { path: 'custom.employees', message: 'must be >= 0' },
          { path: 'custom.audited', message: 'must be a boolean' },
          { path: 'custom.foundedOn', message: 'must match format "date"' },
          expect.objectContaining({ path: 'custom.tags' }),
          expect.objectContaining({ path: 'custom.vatCode' }),
          { path: 'custom.unknown', message: 'is not allowed' },
        ]),
      );
      expect(await suite.query<{ count: string }>('SELECT count(*) FROM crm_organizations')).toEqual(before);
    });

    it('when a required custom field is missing on create, then 400 names it', async () => {
      const response = await post('/organizations', { name: 'No Segment Ltd' });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ path: 'custom.segment', message: 'is required' }]);
    });

    it('when an update sends failing custom fields, then 400 and the record keeps its values; an update without custom is not checked', async () => {
      const created = await post('/organizations', { name: 'Update Me', custom: { segment: 'smb' } });
      expect(created.status).toBe(201);
      const refused = await patch(`/organizations/${created.body.id}`, { custom: { segment: 'smb', employees: 1.5 } });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ path: 'custom.employees', message: 'must be an integer' }]);
      expect((await get(`/organizations/${created.body.id}`)).body).toMatchObject({ version: 1, custom: { segment: 'smb' } });

      const renamed = await patch(`/organizations/${created.body.id}`, { name: 'Updated' });
      expect(renamed.status).toBe(200);
      const changed = await patch(`/organizations/${created.body.id}`, { custom: { segment: 'mid-market', employees: 40 } });
      expect(changed.status).toBe(200);
      expect(changed.body.custom).toEqual({ segment: 'mid-market', employees: 40 });
    });

    it('then other record types keep accepting any custom object', async () => {
      const created = await post('/leads', { title: 'Any custom', channel: 'web-form', custom: { whatever: true } });
      expect(created.status).toBe(201);
    });

    it('when the same schema is deployed again, then its version is kept; a changed one becomes version 2 and is in force', async () => {
      const again = await deploy([{ name: 'organization.fields.json', content: JSON.stringify(organizationFields) }]);
      expect(again.status).toBe(200);
      expect(again.body.customFields).toEqual([expect.objectContaining({ key: 'organization', version: 1 })]);

      const relaxed = {
        ...organizationFields,
        required: [],
        properties: { ...organizationFields.properties, segment: { type: 'string', enum: ['smb', 'enterprise', 'public'] } },
      };
      const next = await deploy([{ name: 'organization.fields.json', content: JSON.stringify(relaxed) }]);
      expect(next.status).toBe(201);
      expect(next.body.customFields).toEqual([expect.objectContaining({ key: 'organization', version: 2 })]);
      expect((await get('/custom-fields/organization')).body).toMatchObject({ version: 2 });

      expect((await post('/organizations', { name: 'Public Body', custom: { segment: 'public' } })).status).toBe(201);
      expect((await post('/organizations', { name: 'No Segment Now' })).status).toBe(201);
      const refused = await post('/organizations', { name: 'Mid Again', custom: { segment: 'mid-market' } });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('custom.segment must be one of "smb", "enterprise", "public"');
    });

    it('then a seller may read the schema but not deploy one', async () => {
      expect((await get('/custom-fields/organization')).status).toBe(200);
      const response = await deploy([{ name: 'contact.fields.json', content: JSON.stringify({ type: 'object', properties: {} }) }], seller.token);
      expect(response.status).toBe(403);
    });
  });

  describe('given titled choices (oneOf of const and title) in contact.fields.json', () => {
    const tier = {
      type: 'string',
      title: 'Tier',
      oneOf: [
        { const: 'gold', title: 'Gold partner' },
        { const: 'silver', title: 'Silver partner' },
      ],
    };
    beforeAll(async () => {
      const response = await deploy([{ name: 'contact.fields.json', content: JSON.stringify({ type: 'object', properties: { tier } }) }]);
      expect(response.status).toBe(201);
    });

    it('then the schema in force keeps the titles for forms, and a write with one of the values is stored', async () => {
      expect((await get('/custom-fields/contact')).body.schema.properties.tier).toEqual(tier);
      const created = await post('/contacts', { lastName: 'Golden', custom: { tier: 'gold' } });
      expect(created.status).toBe(201);
      expect(created.body.custom).toEqual({ tier: 'gold' });
    });

    it('when a write has a value outside the choices, or a title instead of a value, then 400 names the field and the values', async () => {
      for (const value of ['bronze', 'Gold partner']) {
        const response = await post('/contacts', { lastName: 'Bronze', custom: { tier: value } });
        expect(response.status).toBe(400);
        expect(response.body.message).toBe('custom.tier must be one of "gold", "silver"');
        expect(response.body.details).toEqual([{ path: 'custom.tier', message: 'must be one of "gold", "silver"' }]);
      }
    });

    it('when choices lack a title or repeat a value, then the deployment is refused naming each one', async () => {
      const bad = { type: 'object', properties: { tier: { type: 'string', oneOf: [{ const: 'gold' }, { const: 'gold', title: 'Gold' }] } } };
      const response = await deploy([{ name: 'contact.fields.json', content: JSON.stringify(bad) }]);
      expect(response.status).toBe(422);
      expect(response.body.details).toEqual([
        expect.objectContaining({ resource: 'contact.fields.json', path: 'properties.tier.oneOf[0].title' }),
        expect.objectContaining({ resource: 'contact.fields.json', path: 'properties.tier.oneOf', message: 'properties.tier.oneOf must not repeat a value' }),
      ]);
    });
  });
});
