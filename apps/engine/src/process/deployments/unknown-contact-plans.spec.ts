import type { RuleSet } from '@stageflow/process-package';
import { ruleSetContactPlanReferences, templateContactPlanReferences } from './unknown-contact-plans.js';

describe('contact-plan references', () => {
  it('given an action template that starts a plan then its plan is referenced at action.plan; other actions reference none', () => {
    expect(templateContactPlanReferences('a.action.json', { type: 'startContactPlan', plan: '{{ bant.contactPlan }}' })).toEqual([
      { resource: 'a.action.json', path: 'action.plan', plan: '{{ bant.contactPlan }}' },
    ]);
    expect(templateContactPlanReferences('b.action.json', { type: 'notifyUser', user: 'anna', message: 'hi' })).toEqual([]);
  });

  it('given an actions rule set then each startContactPlan is referenced with its rule id and path', () => {
    const ruleSet: RuleSet = {
      key: 'on-start',
      name: 'On start',
      kind: 'actions',
      hitPolicy: 'all',
      facts: {},
      rules: [
        {
          id: 'first',
          conditions: { all: [] },
          result: {
            on: 'processStarted',
            actions: [
              { type: 'notifyUser', user: 'anna', message: 'x' },
              { type: 'startContactPlan', plan: 'hot-lead' },
            ],
          },
        },
        { id: 'second', conditions: { all: [] }, result: { on: 'processEnded', actions: [{ type: 'startContactPlan', plan: 'win-back' }] } },
      ],
    };

    expect(ruleSetContactPlanReferences('on-start.rule-set.json', ruleSet)).toEqual([
      { resource: 'on-start.rule-set.json', ruleId: 'first', path: 'rules[0].result.actions[1].plan', plan: 'hot-lead' },
      { resource: 'on-start.rule-set.json', ruleId: 'second', path: 'rules[1].result.actions[0].plan', plan: 'win-back' },
    ]);
  });

  it('given a rule set of another kind then it references no plan', () => {
    const ruleSet = { key: 't', name: 'T', kind: 'territory', hitPolicy: 'first', facts: {}, rules: [], fallback: { territory: 'x' } } as RuleSet;
    expect(ruleSetContactPlanReferences('t.rule-set.json', ruleSet)).toEqual([]);
  });
});
