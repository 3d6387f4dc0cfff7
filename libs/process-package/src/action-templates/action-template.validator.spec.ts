import { actionTemplateDeploymentProblems, parseActionTemplate, validateActionTemplate } from './action-template.validator.js';

const welcomeMail = {
  key: 'welcome-mail',
  name: 'Welcome e-mail',
  description: 'The first e-mail to a new lead',
  action: { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Welcome, {{ contact.name }}', template: 'welcome' },
};

describe('validateActionTemplate', () => {
  describe('given a valid template of each action type', () => {
    it.each([
      ['createTask', { type: 'createTask', title: 'Call {{ contact.name }}', dueIn: 'P2D', assignment: { strategy: 'roundRobin', team: 'inside-sales' } }],
      ['sendEmail', welcomeMail.action],
      ['callWebhook', { type: 'callWebhook', url: 'https://crm.example.com/hooks/lead', body: '{"id": "{{ leadId }}"}', secret: 'crm-hook' }],
      ['setVariables', { type: 'setVariables', variables: { stage: 'Qualified', owner: '{{ territory.owner }}' } }],
      ['startProcess', { type: 'startProcess', processKey: 'onboarding', variables: { account: '{{ accountId }}' } }],
      ['startProcess about a record', { type: 'startProcess', processKey: 'onboarding', businessKey: 'organization:{{ organizationId }}' }],
      ['notifyUser', { type: 'notifyUser', user: '{{ owner }}', message: 'New lead {{ contact.name }}' }],
      ['startContactPlan', { type: 'startContactPlan', plan: '{{ bant.contactPlan }}' }],
      ['setRecordFields', { type: 'setRecordFields', fields: { status: 'converted', classification: '{{ bant.class }}' } }],
      ['createRecord', { type: 'createRecord', recordType: 'organization', fields: { name: '{{ record.title }}' }, resultVariable: 'organizationId' }],
      ['addActivity', { type: 'addActivity', kind: 'call', subject: 'Call {{ record.contactName }}', dueIn: 'P1D' }],
    ])('when it is a %s action then it has no problem', (_type, action) => {
      expect(validateActionTemplate({ key: 'a', name: 'A', action })).toEqual([]);
    });
  });

  describe('given an invalid template', () => {
    it('when the envelope misses fields and has extra ones then each is named by its path', () => {
      expect(validateActionTemplate({ key: 'bad key', action: welcomeMail.action, extra: 1 })).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'is required' },
          { path: 'extra', message: 'is not allowed' },
          { path: 'key', message: expect.stringContaining('must match pattern') },
        ]),
      );
    });

    it('when the action type is unknown then action.type is named', () => {
      expect(validateActionTemplate({ key: 'a', name: 'A', action: { type: 'sendFax', to: 'x' } })).toEqual([
        { path: 'action.type', message: expect.stringContaining('must be one of') },
      ]);
    });

    it('when a field of the action is missing or of the wrong type then its path below action is named', () => {
      expect(validateActionTemplate({ key: 'a', name: 'A', action: { type: 'notifyUser', user: 7 } })).toEqual([
        { path: 'action.message', message: 'is required' },
        { path: 'action.user', message: 'must be a string' },
      ]);
    });

    it('when a task is due in something that is not an ISO 8601 duration then action.dueIn is named', () => {
      expect(validateActionTemplate({ key: 'a', name: 'A', action: { type: 'createTask', title: 'Call', dueIn: 'two days' } })).toEqual([
        { path: 'action.dueIn', message: expect.stringContaining('ISO 8601 duration') },
      ]);
    });

    it('when a record action is malformed then each problem is named by its path', () => {
      expect(validateActionTemplate({ key: 'a', name: 'A', action: { type: 'createRecord', recordType: 'invoice', fields: {} } })).toEqual(
        expect.arrayContaining([
          { path: 'action.recordType', message: expect.stringContaining('must be one of') },
          { path: 'action.fields', message: expect.stringContaining('at least 1 propert') },
        ]),
      );
      expect(validateActionTemplate({ key: 'a', name: 'A', action: { type: 'setRecordFields', fields: { 'bad name': 1 } } })).toEqual([
        expect.objectContaining({ path: expect.stringMatching(/^action\.fields/) }),
      ]);
      expect(
        validateActionTemplate({ key: 'a', name: 'A', action: { type: 'addActivity', kind: 'call', subject: 'x', dueIn: 'P1D', dueAt: '{{ d }}' } }),
      ).toEqual([{ path: 'action.dueIn', message: 'must not be given with dueAt (one due time)' }]);
      const proto = validateActionTemplate(
        JSON.parse('{"key":"a","name":"A","action":{"type":"setRecordFields","fields":{"status":"x","custom":{"__proto__":{}}}}}'),
      );
      expect(proto).toEqual([{ path: 'action.fields.custom.__proto__', message: expect.any(String) }]);
    });

    it('when setVariables names a forbidden variable then the variable path is named', () => {
      const problems = validateActionTemplate(JSON.parse('{"key":"a","name":"A","action":{"type":"setVariables","variables":{"__proto__":{"x":1}}}}'));
      expect(problems).toEqual([{ path: 'action.variables.__proto__', message: expect.any(String) }]);
    });
  });
});

describe('parseActionTemplate', () => {
  it('given valid JSON of a valid template then it is returned', () => {
    expect(parseActionTemplate(JSON.stringify(welcomeMail))).toEqual({ ok: true, template: welcomeMail });
  });

  it('given text that is not JSON then the whole document is refused', () => {
    expect(parseActionTemplate('{ nope')).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^is not valid JSON/) }] });
  });

  it('given problems then they become deployment problems of the resource', () => {
    expect(
      actionTemplateDeploymentProblems('welcome.action.json', [
        { path: 'action.to', message: 'is required' },
        { path: '', message: 'is not valid JSON (x)' },
      ]),
    ).toEqual([
      { resource: 'welcome.action.json', path: 'action.to', message: 'action.to is required' },
      { resource: 'welcome.action.json', path: '', message: 'the action template is not valid JSON (x)' },
    ]);
  });
});
