import { ACTION_FIELDS, ACTION_TYPES, listOf, listText, STEP_ACTION_TYPES, withField, withType } from './action-fields';

describe('action fields', () => {
  it('given every action type of the format, then each has its fields and the required ones of the docs', () => {
    expect(ACTION_TYPES).toHaveLength(11);
    expect(ACTION_FIELDS.sendEmail.filter((field) => field.required).map((field) => field.name)).toEqual(['to', 'subject']);
    expect(ACTION_FIELDS.notifyUser.filter((field) => field.required).map((field) => field.name)).toEqual(['user', 'message']);
    expect(STEP_ACTION_TYPES).not.toContain('setVariables');
    expect(STEP_ACTION_TYPES).not.toContain('startContactPlan');
  });

  it('given a sendEmail turned into a notifyUser, then only the fields both have stay', () => {
    expect(withType({ type: 'sendEmail', to: 'a', subject: 'b', body: 'c' }, 'createTask')).toEqual({ type: 'createTask' });
    expect(withType({ type: 'createTask', title: 't', description: 'd' }, 'addActivity')).toEqual({ type: 'addActivity' });
    expect(withType({ type: 'callWebhook', url: 'u', body: 'b' }, 'sendEmail')).toEqual({ type: 'sendEmail', body: 'b' });
  });

  it('given empty values, then the field is left out; others are set', () => {
    expect(withField({ type: 'sendEmail', body: 'x' }, 'body', '')).toEqual({ type: 'sendEmail' });
    expect(withField({ type: 'sendEmail' }, 'attachments', [])).toEqual({ type: 'sendEmail' });
    expect(withField({ type: 'addActivity' }, 'done', false)).toEqual({ type: 'addActivity', done: false });
  });

  it('given a list field, then one item a line and back', () => {
    expect(listOf(listText(['{{ a }}', '{{ b }}']))).toEqual(['{{ a }}', '{{ b }}']);
    expect(listOf('a\n\n b \n')).toEqual(['a', 'b']);
  });
});
