import { validateRuleSet, type RuleSet } from '@stageflow/process-package';
import { checkActionTemplates } from './action-templates.check.js';

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
      expect(checkActionTemplates(set, ['offer-mail'])).toEqual([]);
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
      expect(checkActionTemplates(set, ['welcome'])).toEqual([
        { ruleId: 'offer', path: 'rules[0].result.actions[0].template', message: '"offer-mail" is not a template resource of this deployment' },
      ]);
    });
  });

  describe('given a rule set of another kind', () => {
    it('then there is nothing to check', () => {
      expect(checkActionTemplates({ ...actionsSet([]), kind: 'classification', rules: [] } as RuleSet)).toEqual([]);
    });
  });
});
