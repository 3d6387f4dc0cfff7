import { contactPlanDeploymentProblems, parseContactPlan, validateContactPlan } from './contact-plan.validator.js';

const newLeadPlan = {
  key: 'new-lead',
  name: 'New lead: three touches',
  steps: [
    { id: 'welcome', offset: 'PT0S', action: { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Welcome, {{ contact.name }}', template: 'welcome' } },
    {
      id: 'first-call',
      offset: 'P2D',
      action: { type: 'createTask', title: 'Call {{ contact.name }}', dueIn: 'P1D', assignment: { strategy: 'territoryOwner' } },
    },
    { id: 'meeting', offset: 'P1W', action: { type: 'createTask', title: 'Meet {{ contact.name }}' } },
  ],
};

describe('validateContactPlan', () => {
  it('given a plan of an e-mail, a call and a meeting at day 0, 2 and 7 then it has no problem', () => {
    expect(validateContactPlan(newLeadPlan)).toEqual([]);
  });

  it('given a missing name, no steps and an extra field then each is named by its path', () => {
    expect(validateContactPlan({ key: 'p', steps: [], extra: true })).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'is required' },
        { path: 'extra', message: 'is not allowed' },
        { path: 'steps', message: 'must not be empty' },
      ]),
    );
  });

  it('given two steps with one id then the second names the first', () => {
    const plan = { ...newLeadPlan, steps: [newLeadPlan.steps[0], { ...newLeadPlan.steps[1], id: 'welcome' }] };
    expect(validateContactPlan(plan)).toEqual([{ path: 'steps[1].id', message: '"welcome" is also the id of steps[0]' }]);
  });

  it.each([
    ['P1M', 'must be an ISO 8601 duration'],
    ['2 days', 'must be an ISO 8601 duration'],
    ['P400D', 'must be at most a year'],
  ])('given the offset %s then steps[i].offset is refused (%s)', (offset, message) => {
    const plan = { ...newLeadPlan, steps: [newLeadPlan.steps[0], { ...newLeadPlan.steps[1], offset }] };
    expect(validateContactPlan(plan)).toEqual([{ path: 'steps[1].offset', message: expect.stringContaining(message) }]);
  });

  it('given a step action with a missing field then its path below the step is named', () => {
    const plan = { ...newLeadPlan, steps: [{ id: 'call', offset: 'P2D', action: { type: 'createTask', dueIn: 'P1D' } }] };
    expect(validateContactPlan(plan)).toEqual([{ path: 'steps[0].action.title', message: 'is required' }]);
  });

  it.each([
    ['starts a contact plan (a plan does not start plans)', { type: 'startContactPlan', plan: 'new-lead' }],
    ['sets variables (no process step waits to take them)', { type: 'setVariables', variables: { stage: 'Contacted' } }],
  ])('given a step that %s then its type is refused', (_why, action) => {
    const plan = { ...newLeadPlan, steps: [{ id: 'step', offset: 'P2D', action }] };
    expect(validateContactPlan(plan)).toEqual([
      { path: 'steps[0].action.type', message: 'must be one of "createTask", "sendEmail", "callWebhook", "startProcess", "notifyUser", "addActivity"' },
    ]);
  });
});

describe('parseContactPlan', () => {
  it('given text that is not JSON then the problem is at the root', () => {
    const parsed = parseContactPlan('{ "key": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(contactPlanDeploymentProblems('new-lead.contact-plan.json', parsed.problems)).toEqual([
        { resource: 'new-lead.contact-plan.json', path: '', message: expect.stringMatching(/^the contact plan is not valid JSON/) },
      ]);
  });

  it('given a valid plan then it is returned', () => {
    expect(parseContactPlan(JSON.stringify(newLeadPlan))).toEqual({ ok: true, plan: newLeadPlan });
  });
});
