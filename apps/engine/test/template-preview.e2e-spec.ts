import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

const preview = (body: unknown, token = suite.adminToken()) => suite.as(token).post('/templates/preview', body);

describe('POST /templates/preview', () => {
  let analyst = '';

  beforeAll(async () => {
    analyst = (await suite.createUser('tp-analyst', ['analyst'])).token;
    await suite.deploy([
      { name: 'mail/welcome.liquid', content: 'Dear {{ contact.name }},\n{% include "signature" %}' },
      { name: 'mail/signature.liquid', content: 'Best, {{ owner | capitalize }}' },
    ]);
  });

  it('given a liquid text and sample data, when previewed, then the engine renders it with the deployed templates it includes', async () => {
    const response = await preview(
      { template: 'Hi {{ contact.name | upcase }}! {% include "signature" %}', data: { contact: { name: 'Ada' }, owner: 'anna' } },
      analyst,
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ text: 'Hi ADA! Best, Anna' });
  });

  it('given a sendEmail action naming a deployed template, when previewed, then every field is rendered and the template becomes the body', async () => {
    const action = { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Welcome, {{ contact.name }}', template: 'welcome' };

    const response = await preview({ action, data: { contact: { name: 'Ada', email: 'ada@example.com' }, owner: 'bo' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ action: { type: 'sendEmail', to: 'ada@example.com', subject: 'Welcome, Ada', body: 'Dear Ada,\nBest, Bo' } });
  });

  it('given a contact plan, when previewed, then each step comes back with its offset and its action rendered', async () => {
    const contactPlan = {
      key: 'hot-lead',
      name: 'Hot lead',
      steps: [
        { id: 'welcome', offset: 'PT0S', action: { type: 'notifyUser', user: '{{ owner }}', message: 'New lead {{ lead.name }}' } },
        { id: 'call', offset: 'P2D', action: { type: 'createTask', title: 'Call {{ lead.name }}', dueIn: 'P1D' } },
      ],
    };

    const response = await preview({ contactPlan, data: { owner: 'anna', lead: { name: 'Globex' } } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      steps: [
        { id: 'welcome', offset: 'PT0S', action: { type: 'notifyUser', user: 'anna', message: 'New lead Globex' } },
        { id: 'call', offset: 'P2D', action: { type: 'createTask', title: 'Call Globex', dueIn: 'P1D' } },
      ],
    });
  });

  it('given no data, when previewed, then missing variables render empty', async () => {
    const response = await preview({ template: 'Hello {{ contact.name }}.' });

    expect(response.status).toBe(200);
    expect(response.body.text).toBe('Hello .');
  });

  it.each([
    ['an action without its required field', { action: { type: 'sendEmail', to: 'x@example.com' } }, 'action.subject'],
    ['an action naming a template that is not deployed', { action: { type: 'sendEmail', to: 'a', subject: 'b', template: 'nope' } }, 'action.template'],
    ['an action field that does not parse', { action: { type: 'notifyUser', user: '{{ owner', message: 'hi' } }, 'action.user'],
    ['a text with an unknown filter', { template: '{{ name | shout }}' }, 'template'],
    [
      'a plan step with a month offset',
      { contactPlan: { key: 'p', name: 'P', steps: [{ id: 's', offset: 'P1M', action: { type: 'notifyUser', user: 'a', message: 'b' } }] } },
      'contactPlan.steps[0].offset',
    ],
    [
      'a plan step whose text does not parse',
      { contactPlan: { key: 'p', name: 'P', steps: [{ id: 's', offset: 'P1D', action: { type: 'notifyUser', user: 'a', message: '{% if %}' } }] } },
      'contactPlan.steps[0].action.message',
    ],
    ['data that is no object', { template: 'x', data: [1] }, 'data'],
    ['data with a prototype key', { template: 'x', data: JSON.parse('{"a": {"__proto__": {}}}') }, 'data.a.__proto__'],
    ['two subjects', { template: 'x', action: { type: 'notifyUser', user: 'a', message: 'b' } }, 'action'],
    ['no subject', { data: {} }, 'template'],
    ['an unknown property', { template: 'x', sample: {} }, 'sample'],
    ['a template that is no text', { template: 42 }, 'template'],
    ['a contact plan that is a key', { contactPlan: 'hot-lead' }, 'contactPlan'],
  ])('given %s, when previewed, then 400 names the field', async (_, body, path) => {
    const response = await preview(body);

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_request');
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('given a template that parses but includes, by a variable, a template that is not deployed, when previewed, then 422 names the field', async () => {
    const response = await preview({ action: { type: 'notifyUser', user: 'anna', message: '{% include part %}' }, data: { part: 'missing' } });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'action.message' })]);
    expect(response.body.message).toContain('action.message cannot be rendered on this data');
  });

  it('given a seller, when previewing, then 403', async () => {
    const seller = (await suite.createUser('tp-seller', ['seller'])).token;

    const response = await preview({ template: 'x' }, seller);

    expect(response.status).toBe(403);
  });
});
