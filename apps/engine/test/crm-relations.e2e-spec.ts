// Relations between CRM records through the API — a contact's roles at organizations, an
// opportunity's contacts and product lines — and the products and campaigns admins and managers
// keep: visibility per role on every route (404 for a record the caller does not see, 400 for a
// reference to one), the history of every change, and bad input named by field.
import { setupEngineSuite } from './support/engine-suite.js';
import { createCrmCast, type Person } from './support/crm-cast.js';

const suite = setupEngineSuite();

describe('CRM relations, products and campaigns', () => {
  let north: Person; // seller, owns the records
  let northToo: Person;
  let south: Person;
  let northManager: Person;
  let southManager: Person;
  let analyst: Person;

  const api = (token: string) => suite.as(token);

  beforeAll(async () => {
    ({ north, northToo, south, northManager, southManager, analyst } = await createCrmCast(suite));
  });

  describe('products', () => {
    it('are kept by admins and managers and read by everyone', async () => {
      expect((await api(north.token).post('/products', { name: 'Seat', code: 'SEAT', unitPrice: 10, currency: 'EUR' })).status).toBe(403);
      expect((await api(analyst.token).post('/products', { name: 'Seat', code: 'SEAT', unitPrice: 10, currency: 'EUR' })).status).toBe(403);
      const created = await api(northManager.token).post('/products', { name: 'CRM seat', code: 'SEAT-M', unitPrice: 49.9, currency: 'EUR' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'CRM seat', code: 'SEAT-M', unitPrice: 49.9, currency: 'EUR', active: true, description: null });
      const id = created.body.id as string;
      expect((await api(north.token).get(`/products/${id}`)).body.code).toBe('SEAT-M');
      expect((await api(south.token).get('/products?q=seat')).body.items.map((item: { id: string }) => item.id)).toContain(id);
      expect((await api(north.token).patch(`/products/${id}`, { unitPrice: 1 })).status).toBe(403);
      const changed = await api(suite.adminToken()).patch(`/products/${id}`, { unitPrice: 59, description: 'Per user and month' });
      expect(changed.body).toMatchObject({ unitPrice: 59, description: 'Per user and month' });
      const again = await api(northManager.token).post('/products', { name: 'Other', code: 'SEAT-M', unitPrice: 1, currency: 'EUR' });
      expect(again.status).toBe(409);
      expect(JSON.stringify(again.body.details)).toContain('code');
    });

    it.each([
      ['a currency that is not ISO 4217', { name: 'A', code: 'A1', unitPrice: 1, currency: 'XYZ' }, 'currency'],
      ['a negative price', { name: 'A', code: 'A2', unitPrice: -1, currency: 'EUR' }, 'unitPrice'],
      ['a missing name', { code: 'A3', unitPrice: 1, currency: 'EUR' }, 'name'],
      ['an unknown field', { name: 'A', code: 'A4', unitPrice: 1, currency: 'EUR', vat: 19 }, 'vat'],
    ])('answer %s with 400 naming the field', async (_what, body, field) => {
      const response = await api(northManager.token).post('/products', body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
    });
  });

  describe('campaigns', () => {
    it('are planned by admins and managers, with a channel from the lead-channels catalog, a budget and dates', async () => {
      const body = { name: 'Spring webinar', channel: 'web-form', budget: 5000, currency: 'EUR', startsOn: '2027-03-01', endsOn: '2027-03-31' };
      expect((await api(north.token).post('/campaigns', body)).status).toBe(403);
      const created = await api(northManager.token).post('/campaigns', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...body, description: null });
      const id = created.body.id as string;
      expect((await api(north.token).get('/campaigns?runningOn=2027-03-15')).body.items.map((item: { id: string }) => item.id)).toEqual([id]);
      expect((await api(north.token).get('/campaigns?runningOn=2027-04-15')).body.items).toEqual([]);
      expect((await api(northManager.token).patch(`/campaigns/${id}`, { endsOn: '2027-02-01' })).body.details).toEqual([
        expect.objectContaining({ path: 'endsOn' }),
      ]);
      expect((await api(northManager.token).patch(`/campaigns/${id}`, { budget: 6000 })).body.budget).toBe(6000);
      expect((await api(north.token).delete(`/campaigns/${id}`)).status).toBe(403);
      expect((await api(northManager.token).delete(`/campaigns/${id}`)).status).toBe(204);
      expect((await api(north.token).get(`/campaigns/${id}`)).status).toBe(404);
    });

    it.each([
      ['a channel outside its catalog', { name: 'A', channel: 'pigeon' }, 'channel'],
      ['a budget without currency', { name: 'A', channel: 'call', budget: 10 }, 'currency'],
      ['a date that does not exist', { name: 'A', channel: 'call', startsOn: '2027-02-30' }, 'startsOn'],
      ['an end before the start', { name: 'A', channel: 'call', startsOn: '2027-03-02', endsOn: '2027-03-01' }, 'endsOn'],
    ])('answer %s with 400 naming the field', async (_what, body, field) => {
      const response = await api(northManager.token).post('/campaigns', body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
    });
  });

  describe("a contact's roles at organizations", () => {
    it('gives one person roles at several organizations, listed from both sides, each change in the history', async () => {
      const contact = (await api(north.token).post('/contacts', { firstName: 'Jan', lastName: 'Nowak' })).body.id as string;
      const acme = (await api(north.token).post('/organizations', { name: 'Acme' })).body.id as string;
      const bolt = (await api(north.token).post('/organizations', { name: 'Bolt' })).body.id as string;
      const director = await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: acme, role: 'director' });
      expect(director.status).toBe(201);
      expect(director.body).toMatchObject({ contactId: contact, organizationId: acme, organizationName: 'Acme', role: 'director' });
      expect((await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: bolt, role: 'buyer' })).status).toBe(201);
      expect((await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: acme, role: 'director' })).status).toBe(409);

      const roles = await api(north.token).get(`/contacts/${contact}/roles`);
      expect(roles.body.items.map((item: { organizationName: string; role: string }) => [item.organizationName, item.role])).toEqual([
        ['Acme', 'director'],
        ['Bolt', 'buyer'],
      ]);
      expect((await api(northManager.token).get(`/organizations/${acme}/contacts`)).body.items).toEqual([
        { roleId: director.body.id, contactId: contact, firstName: 'Jan', lastName: 'Nowak', role: 'director' },
      ]);

      expect((await api(north.token).delete(`/contacts/${contact}/roles/${director.body.id}`)).status).toBe(204);
      expect((await api(north.token).get(`/contacts/${contact}/roles`)).body.items).toHaveLength(1);
      const history = (await api(north.token).get(`/contacts/${contact}/history`)).body.items;
      expect(history[0]).toMatchObject({ field: 'roles', old: { organizationId: acme, role: 'director' }, new: null });
      expect(history[1]).toMatchObject({ field: 'roles', old: null, new: { organizationId: bolt, role: 'buyer' } });
    });

    it('keeps a role in use from being deleted from its catalog (retire it instead)', async () => {
      const contact = (await api(north.token).post('/contacts', { lastName: 'Kowalski' })).body.id as string;
      const org = (await api(north.token).post('/organizations', { name: 'Cobalt' })).body.id as string;
      expect((await api(suite.adminToken()).post('/catalogs/roles', { label: 'Procurement head' })).status).toBe(201);
      expect((await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: org, role: 'procurement-head' })).status).toBe(201);
      const deleted = await api(suite.adminToken()).delete('/catalogs/roles/procurement-head');
      expect(deleted.status).toBe(409);
      expect(deleted.body.details).toEqual([{ catalog: 'roles', key: 'procurement-head', uses: 1 }]);
    });

    it('answers 404 on every route to those who do not see the contact or organization, and 400 for a reference to one', async () => {
      const contact = (await api(north.token).post('/contacts', { lastName: 'Secret' })).body.id as string;
      const organization = (await api(north.token).post('/organizations', { name: 'Hidden Corp' })).body.id as string;
      const role = (await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: organization, role: 'lawyer' })).body.id as string;
      for (const outsider of [northToo, south, southManager]) {
        expect((await api(outsider.token).get(`/contacts/${contact}/roles`)).status).toBe(404);
        expect((await api(outsider.token).post(`/contacts/${contact}/roles`, { organizationId: organization, role: 'buyer' })).status).toBe(404);
        expect((await api(outsider.token).delete(`/contacts/${contact}/roles/${role}`)).status).toBe(404);
        expect((await api(outsider.token).get(`/organizations/${organization}/contacts`)).status).toBe(404);
      }
      expect((await api(analyst.token).get(`/organizations/${organization}/contacts`)).body.items).toHaveLength(1);
      expect((await api(analyst.token).post(`/contacts/${contact}/roles`, { organizationId: organization, role: 'buyer' })).status).toBe(403);

      // sam's own contact cannot be tied to nora's organization: he does not see it.
      const his = (await api(south.token).post('/contacts', { lastName: 'Sam’s' })).body.id as string;
      const refused = await api(south.token).post(`/contacts/${his}/roles`, { organizationId: organization, role: 'buyer' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'organizationId' })]);
    });

    it.each([
      ['a role outside the roles catalog', { role: 'king' }, 'role'],
      ['no organization', { organizationId: undefined }, 'organizationId'],
      ['an organization id that is no UUID', { organizationId: 'acme' }, 'organizationId'],
      ['an unknown field', { since: '2020-01-01' }, 'since'],
    ])('answers %s with 400 naming the field', async (_what, change, field) => {
      const contact = (await api(north.token).post('/contacts', { lastName: 'Input' })).body.id as string;
      const organization = (await api(north.token).post('/organizations', { name: 'Input Ltd' })).body.id as string;
      const response = await api(north.token).post(`/contacts/${contact}/roles`, { organizationId: organization, role: 'buyer', ...change });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
    });
  });

  describe("an opportunity's contacts and products", () => {
    let productId = '';
    let retiredProductId = '';

    beforeAll(async () => {
      productId = (await api(suite.adminToken()).post('/products', { name: 'Licence', code: 'LIC', unitPrice: 1200, currency: 'EUR' })).body.id;
      retiredProductId = (await api(suite.adminToken()).post('/products', { name: 'Old', code: 'OLD', unitPrice: 1, currency: 'EUR', active: false })).body.id;
    });

    it('puts contacts on a deal and lists only those the caller sees', async () => {
      const deal = (await api(north.token).post('/opportunities', { name: 'Fleet' })).body.id as string;
      const buyer = (await api(north.token).post('/contacts', { firstName: 'Ola', lastName: 'Buyer' })).body.id as string;
      const added = await api(north.token).post(`/opportunities/${deal}/contacts`, { contactId: buyer, role: 'buyer' });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ contactId: buyer, firstName: 'Ola', lastName: 'Buyer', role: 'buyer' });
      expect((await api(north.token).get(`/opportunities/${deal}/contacts`)).body.items).toHaveLength(1);
      // The manager hands the contact to another seller: nora still sees the deal, no longer the contact.
      expect((await api(northManager.token).post(`/contacts/${buyer}/owner`, { ownerId: northToo.id })).status).toBe(200);
      expect((await api(north.token).get(`/opportunities/${deal}/contacts`)).body.items).toEqual([]);
      expect((await api(northManager.token).get(`/opportunities/${deal}/contacts`)).body.items).toHaveLength(1);
      expect((await api(north.token).post(`/opportunities/${deal}/contacts`, { contactId: buyer })).body.details).toEqual([
        expect.objectContaining({ path: 'contactId' }),
      ]);
      expect((await api(northManager.token).delete(`/opportunities/${deal}/contacts/${buyer}`)).status).toBe(204);
      expect((await api(northManager.token).delete(`/opportunities/${deal}/contacts/${buyer}`)).status).toBe(404);
    });

    it('sells products with quantity and price, the catalog price by default, totals per currency, each change in the history', async () => {
      const deal = (await api(north.token).post('/opportunities', { name: 'Licences' })).body.id as string;
      const line = await api(north.token).post(`/opportunities/${deal}/products`, { productId, quantity: 3 });
      expect(line.status).toBe(201);
      expect(line.body).toMatchObject({ productId, productCode: 'LIC', quantity: 3, unitPrice: 1200, currency: 'EUR', amount: 3600 });
      const discounted = await api(north.token).post(`/opportunities/${deal}/products`, { productId, quantity: 1.5, unitPrice: 999.99, currency: 'USD' });
      expect(discounted.body).toMatchObject({ quantity: 1.5, unitPrice: 999.99, currency: 'USD', amount: 1499.99 });
      const changed = await api(north.token).patch(`/opportunities/${deal}/products/${line.body.id}`, { quantity: 4 });
      expect(changed.body).toMatchObject({ quantity: 4, amount: 4800 });
      const list = await api(northManager.token).get(`/opportunities/${deal}/products`);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.totals).toEqual([
        { currency: 'EUR', amount: 4800 },
        { currency: 'USD', amount: 1499.99 },
      ]);
      const history = (await api(north.token).get(`/opportunities/${deal}/history`)).body.items;
      expect(history[0]).toMatchObject({ field: 'products', old: { quantity: 3 }, new: { quantity: 4 } });
      // A product on a deal cannot be deleted, only made inactive.
      expect((await api(suite.adminToken()).delete(`/products/${productId}`)).status).toBe(409);
      expect((await api(north.token).delete(`/opportunities/${deal}/products/${discounted.body.id}`)).status).toBe(204);
      expect((await api(north.token).get(`/opportunities/${deal}/products`)).body.items).toHaveLength(1);
    });

    it('answers 404 on every route to those who do not see the deal', async () => {
      const deal = (await api(north.token).post('/opportunities', { name: 'Private' })).body.id as string;
      const contact = (await api(north.token).post('/contacts', { lastName: 'On deal' })).body.id as string;
      await api(north.token).post(`/opportunities/${deal}/contacts`, { contactId: contact });
      const line = (await api(north.token).post(`/opportunities/${deal}/products`, { productId, quantity: 1 })).body.id as string;
      for (const outsider of [northToo, south, southManager]) {
        const as = api(outsider.token);
        expect((await as.get(`/opportunities/${deal}/contacts`)).status).toBe(404);
        expect((await as.post(`/opportunities/${deal}/contacts`, { contactId: contact })).status).toBe(404);
        expect((await as.delete(`/opportunities/${deal}/contacts/${contact}`)).status).toBe(404);
        expect((await as.get(`/opportunities/${deal}/products`)).status).toBe(404);
        expect((await as.post(`/opportunities/${deal}/products`, { productId, quantity: 1 })).status).toBe(404);
        expect((await as.patch(`/opportunities/${deal}/products/${line}`, { quantity: 9 })).status).toBe(404);
        expect((await as.delete(`/opportunities/${deal}/products/${line}`)).status).toBe(404);
      }
      expect((await api(analyst.token).get(`/opportunities/${deal}/products`)).status).toBe(200);
      expect((await api(analyst.token).post(`/opportunities/${deal}/products`, { productId, quantity: 1 })).status).toBe(403);
    });

    it.each([
      ['a quantity of 0', () => ({ productId, quantity: 0 }), 'quantity'],
      ['an inactive product', () => ({ productId: retiredProductId, quantity: 1 }), 'productId'],
      ['a product that does not exist', () => ({ productId: '00000000-0000-0000-0000-000000000009', quantity: 1 }), 'productId'],
      ['a currency without a price', () => ({ productId, quantity: 1, currency: 'USD' }), 'currency'],
      ['a price that is no number', () => ({ productId, quantity: 1, unitPrice: '10' }), 'unitPrice'],
    ])('answers %s with 400 naming the field, and stores nothing', async (_what, body, field) => {
      const deal = (await api(north.token).post('/opportunities', { name: 'Input' })).body.id as string;
      const response = await api(north.token).post(`/opportunities/${deal}/products`, body());
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
      expect((await api(north.token).get(`/opportunities/${deal}/products`)).body.items).toEqual([]);
    });
  });
});
