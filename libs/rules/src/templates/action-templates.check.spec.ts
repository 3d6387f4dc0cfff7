import { validateRuleSet, type RuleSet } from '@stageflow/process-package';
import { checkActionTemplate, checkActionTemplates } from './action-templates.check.js';

const actionsSet = (actions: unknown[]): RuleSet =>
  ({
    key: 'stage-actions',
    name: 'Stage actions',
    kind: 'actions',
    hitPolicy: 'all',
    facts: { stage: 'string' },
    rules: [{ id: 'offer', conditions: { all: [{ fact: 'stage', operator: 'equal', value: 'Offer' }] }, result: { on: 'stageEntered', actions } }],
  }) as RuleSet;

describe('checkActionTemplates', () => {
  describe('given actions whose texts are valid templates', () => {
    it('then there is no problem', () => {
      const set = actionsSet([
        { type: 'createTask', title: 'Call {{ contact.name }}', description: '{% if budget > 1000 %}big{% endif %}' },
        { type: 'sendEmail', to: '{{ contact.email }}', subject: 'Offer', template: 'offer-mail' },
      ]);
      expect(validateRuleSet(set)).toEqual([]);
      expect(checkActionTemplates(set, { 'offer-mail': 'Dear {{ contact.name }}' })).toEqual([]);
    });
  });

  describe('given a text that does not parse', () => {
    it('then the rule id and the field path are named', () => {
      const set = actionsSet([{ type: 'notifyUser', user: 'anna', message: '{% if stage %}unclosed' }]);
      expect(checkActionTemplates(set)).toEqual([
        { ruleId: 'offer', path: 'rules[0].result.actions[0].message', message: expect.stringMatching(/^is not a valid template: /) },
      ]);
    });
  });

  describe('given an e-mail naming a template that is not deployed', () => {
    it('then the template field is refused', () => {
      const set = actionsSet([{ type: 'sendEmail', to: 'x', subject: 'y', template: 'offer-mail' }]);
      expect(checkActionTemplates(set, { welcome: 'Hello' })).toEqual([
        { ruleId: 'offer', path: 'rules[0].result.actions[0].template', message: expect.stringContaining('"offer-mail" is not a deployed template') },
      ]);
    });
  });

  describe('given a rule set of another kind', () => {
    it('then there is nothing to check', () => {
      expect(checkActionTemplates({ ...actionsSet([]), kind: 'classification', rules: [] } as RuleSet)).toEqual([]);
    });
  });
});

describe('checkActionTemplate', () => {
  const deployed = { signature: 'Best, {{ owner }}', 'offer-mail': 'Dear {{ contact.name }}\n{% render "signature", owner: owner %}' };

  describe('given a text that includes a deployed template', () => {
    it('then there is no problem', () => {
      expect(checkActionTemplate({ type: 'notifyUser', user: 'anna', message: 'New lead. {% include "signature" %}' }, 'action', deployed)).toEqual([]);
    });
  });

  describe('given a text that includes a template nobody deployed', () => {
    it.each([
      ['include', '{% include "footer" %}'],
      ['render', '{% render "footer" %}'],
      ['layout', '{% layout "footer" %}body'],
    ])('when it uses %s then the field is refused naming the template', (_tag, message) => {
      expect(checkActionTemplate({ type: 'notifyUser', user: 'anna', message }, 'action', deployed)).toEqual([
        { path: 'action.message', message: 'is not a valid template: names the template "footer", which is not deployed' },
      ]);
    });

    it('when a deployed template it includes names a missing one then that is found too', () => {
      const broken = { ...deployed, signature: '{% include "logo" %}' };
      expect(checkActionTemplate({ type: 'notifyUser', user: 'anna', message: '{% include "offer-mail" %}' }, 'action', broken)).toEqual([
        { path: 'action.message', message: 'is not a valid template: names the template "logo", which is not deployed' },
      ]);
    });
  });

  describe('given createDocument and sendEmail attachments', () => {
    it('then the document template must be deployed and every attachment must parse', () => {
      expect(checkActionTemplate({ type: 'createDocument', template: 'offer-mail', fileName: 'Offer {{ x }}' }, 'action', deployed)).toEqual([]);
      expect(checkActionTemplate({ type: 'createDocument', template: 'offer-pdf', fileName: 'Offer {{ x' }, 'action', deployed)).toEqual([
        { path: 'action.fileName', message: expect.stringMatching(/^is not a valid template: /) },
        { path: 'action.template', message: '"offer-pdf" is not a deployed template (a .liquid resource of this deployment or deployed before)' },
      ]);
      expect(checkActionTemplate({ type: 'sendEmail', to: 'a@b.c', subject: 's', attachments: ['{{ doc }}', '{{ doc'] }, 'action', deployed)).toEqual([
        { path: 'action.attachments[1]', message: expect.stringMatching(/^is not a valid template: /) },
      ]);
    });
  });

  describe('given setVariables whose values are templates', () => {
    it('then every string value is checked, nested ones by their path', () => {
      const action = { type: 'setVariables' as const, variables: { owner: '{{ territory.owner }}', deal: { note: '{% if x %}open', tags: ['ok', '{{ x'] } } };
      expect(checkActionTemplate(action, 'action')).toEqual([
        { path: 'action.variables.deal.note', message: expect.stringMatching(/^is not a valid template: /) },
        { path: 'action.variables.deal.tags[1]', message: expect.stringMatching(/^is not a valid template: /) },
      ]);
    });
  });
});
