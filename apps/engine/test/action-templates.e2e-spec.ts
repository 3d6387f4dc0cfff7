import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

function deploy(resources: { name: string; content: string }[]) {
  return suite
    .http()
    .post('/api/v1/deployments')
    .set(...bearer(suite.adminToken()))
    .send({ name: 'actions', resources });
}

const welcomeAction = (key: string, template = 'welcome') =>
  JSON.stringify({ key, name: 'Welcome e-mail', action: { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Welcome, {{ contact.name }}', template } });

describe('action templates and liquid templates', () => {
  it('given a liquid template and an action template naming it, when deployed, then both are versioned by key and listed', async () => {
    const response = await deploy([
      { name: 'mail/welcome.liquid', content: 'Dear {{ contact.name }},\n{% include "signature" %}' },
      { name: 'mail/signature.liquid', content: 'Best, {{ owner }}' },
      { name: 'welcome.action.json', content: welcomeAction('welcome_mail') },
    ]);

    expect(response.status).toBe(201);
    expect(response.body.templates).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'welcome', version: 1 }), expect.objectContaining({ key: 'signature', version: 1 })]),
    );
    expect(response.body.actionTemplates).toEqual([expect.objectContaining({ key: 'welcome_mail', version: 1, name: 'Welcome e-mail' })]);

    const listed = await suite
      .http()
      .get('/api/v1/action-templates?key=welcome_mail')
      .set(...bearer(suite.adminToken()));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.objectContaining({
        total: 1,
        items: [expect.objectContaining({ key: 'welcome_mail', actionType: 'sendEmail', resourceName: 'welcome.action.json' })],
      }),
    );

    const one = await suite
      .http()
      .get(`/api/v1/action-templates/${listed.body.items[0].id}`)
      .set(...bearer(suite.adminToken()));
    expect(one.status).toBe(200);
    expect(one.body.content).toEqual(JSON.parse(welcomeAction('welcome_mail')));
  });

  it('given an action template deployed before, when deployed unchanged then changed, then the first returns the existing version and the second makes version 2', async () => {
    await deploy([
      { name: 'welcome.liquid', content: 'Hello' },
      {
        name: 'notify.action.json',
        content: JSON.stringify({ key: 'notify_owner', name: 'Notify', action: { type: 'notifyUser', user: '{{ owner }}', message: 'New lead' } }),
      },
    ]);

    const same = await deploy([
      {
        name: 'notify.action.json',
        content: JSON.stringify({ key: 'notify_owner', name: 'Notify', action: { type: 'notifyUser', user: '{{ owner }}', message: 'New lead' } }),
      },
    ]);
    const changed = await deploy([
      {
        name: 'notify.action.json',
        content: JSON.stringify({
          key: 'notify_owner',
          name: 'Notify',
          action: { type: 'notifyUser', user: '{{ owner }}', message: 'New lead {{ contact.name }}' },
        }),
      },
    ]);
    const latest = await suite
      .http()
      .get('/api/v1/action-templates?key=notify_owner&latest=true')
      .set(...bearer(suite.adminToken()));

    expect(same.status).toBe(200);
    expect(same.body.actionTemplates).toEqual([expect.objectContaining({ key: 'notify_owner', version: 1 })]);
    expect(changed.status).toBe(201);
    expect(changed.body.actionTemplates).toEqual([expect.objectContaining({ key: 'notify_owner', version: 2 })]);
    expect(latest.body.items).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('given a template deployed before, when a later deployment names it, then it resolves without being deployed again', async () => {
    await deploy([{ name: 'footer.liquid', content: '-- Acme Sales' }]);

    const response = await deploy([
      {
        name: 'reminder.action.json',
        content: JSON.stringify({ key: 'reminder', name: 'Reminder', action: { type: 'createTask', title: 'Follow up {% include "footer" %}' } }),
      },
    ]);

    expect(response.status).toBe(201);
  });

  it('given invalid templates, when deployed, then 422 lists each problem with its resource and JSON path, and nothing is stored', async () => {
    const response = await deploy([
      { name: 'bad.action.json', content: JSON.stringify({ key: 'bad_action', name: 'Bad', action: { type: 'sendEmail', to: '{{ contact.email }}' } }) },
      { name: 'unknown.action.json', content: welcomeAction('unknown_template', 'no_such_template') },
      {
        name: 'broken.action.json',
        content: JSON.stringify({ key: 'broken', name: 'Broken', action: { type: 'notifyUser', user: 'anna', message: '{% if x %}open' } }),
      },
      { name: 'includes.liquid', content: 'Hi {% include "nowhere" %}' },
      { name: 'rules.rule-set.json', content: JSON.stringify(actionsRuleSet('stage_mail', 'not_deployed')) },
    ]);
    const stored = await suite.query<{ count: string }>("SELECT count(*) FROM action_templates WHERE key IN ('bad_action', 'unknown_template', 'broken')");

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { resource: 'bad.action.json', path: 'action.subject', message: 'action.subject is required' },
        { resource: 'unknown.action.json', path: 'action.template', message: expect.stringContaining('"no_such_template" is not a deployed template') },
        { resource: 'broken.action.json', path: 'action.message', message: expect.stringContaining('is not a valid template') },
        { resource: 'includes.liquid', message: 'is not a valid template: names the template "nowhere", which is not deployed' },
        {
          resource: 'rules.rule-set.json',
          elementId: 'offer',
          path: 'rules[0].result.actions[0].template',
          message: expect.stringContaining('"not_deployed" is not a deployed template'),
        },
      ]),
    );
    expect(response.body.details).toHaveLength(5);
    expect(Number(stored[0]?.count)).toBe(0);
  });

  it('given an actions rule set whose e-mail names a deployed template, when deployed, then it is accepted', async () => {
    const response = await deploy([
      { name: 'offer.liquid', content: 'Our offer for {{ contact.name }}' },
      { name: 'rules.rule-set.json', content: JSON.stringify(actionsRuleSet('stage_mail_ok', 'offer')) },
    ]);

    expect(response.status).toBe(201);
  });
});

function actionsRuleSet(key: string, template: string) {
  return {
    key,
    name: 'Stage e-mails',
    kind: 'actions',
    hitPolicy: 'all',
    facts: { stage: 'string' },
    rules: [
      {
        id: 'offer',
        conditions: { all: [{ fact: 'stage', operator: 'equal', value: 'Offer' }] },
        result: { on: 'stageEntered', actions: [{ type: 'sendEmail', to: 'x@example.com', subject: 'Offer', template }] },
      },
    ],
  };
}
