import { validateRuleSet, type RuleSet } from '@stageflow/process-package';
import { compileRuleSet } from '../evaluation/compile-rule-set.js';
import { ReferenceEvaluator } from '../evaluation/reference-evaluator.js';
import { exitCriteriaRefusals, stageMoveFactResolver, type StageMoveFacts } from './exit-criteria.js';

const now = new Date('2026-12-07T10:00:00Z');

const leavingQualification = {
  key: 'qualification-exit',
  name: 'Leaving qualification',
  kind: 'exitCriteria',
  hitPolicy: 'all',
  facts: { record: 'object', move: 'object', openTasks: 'array', openTaskNames: 'array', budgetConfirmed: 'boolean' },
  rules: [
    {
      id: 'lost-reason',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Lost' },
          { fact: 'record', path: '$.lostReason', operator: 'equal', value: null },
        ],
      },
      result: { reason: 'A lost reason is required', field: 'lostReason' },
    },
    {
      id: 'lost-comment',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Lost' },
          { fact: 'record', path: '$.outcomeComment', operator: 'equal', value: null },
        ],
      },
      result: { reason: 'Say what we learned', hint: 'Write the comment on the deal card', field: 'outcomeComment' },
    },
    {
      id: 'offer-open',
      priority: 5,
      conditions: { all: [{ fact: 'openTasks', operator: 'contains', value: 'prepareOffer' }] },
      result: { reason: 'The offer task is not done', task: 'prepareOffer' },
    },
    {
      id: 'budget',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Offer' },
          { fact: 'budgetConfirmed', operator: 'notEqual', value: true },
        ],
      },
      result: { reason: 'The budget is not confirmed' },
    },
  ],
} as RuleSet;

function facts(over: Partial<StageMoveFacts>): StageMoveFacts {
  return {
    record: { lostReason: null, outcomeComment: null },
    variables: {},
    move: { from: 'Qualification', to: 'Offer', reason: null },
    openTasks: [],
    ...over,
  };
}

async function refusals(given: StageMoveFacts) {
  const resolver = stageMoveFactResolver(given);
  const compiled = exitCriteriaRefusals(leavingQualification, compileRuleSet(leavingQualification).decide(resolver, now));
  const { rules: _rules, ...reference } = await new ReferenceEvaluator(leavingQualification).evaluate(resolver, now);
  expect(exitCriteriaRefusals(leavingQualification, reference)).toEqual(compiled);
  return compiled;
}

describe('exit criteria of a stage', () => {
  it('the example is a valid exitCriteria rule set', () => {
    expect(validateRuleSet(leavingQualification)).toEqual([]);
  });

  describe('given a move to Lost on a record without reason and comment, with the offer task open', () => {
    it('then every matching rule refuses it with its reason, by priority then position', async () => {
      expect(
        await refusals(
          facts({ move: { from: 'Qualification', to: 'Lost', reason: 'no budget' }, openTasks: [{ elementId: 'prepareOffer', name: 'Prepare the offer' }] }),
        ),
      ).toEqual([
        { ruleId: 'offer-open', reason: 'The offer task is not done', task: 'prepareOffer' },
        { ruleId: 'lost-reason', reason: 'A lost reason is required', field: 'lostReason' },
        { ruleId: 'lost-comment', reason: 'Say what we learned', hint: 'Write the comment on the deal card', field: 'outcomeComment' },
      ]);
    });
  });

  describe('given the record fixed and no task open', () => {
    it('then the move to Lost passes', async () => {
      expect(
        await refusals(facts({ record: { lostReason: 'price', outcomeComment: 'too expensive' }, move: { from: 'Qualification', to: 'Lost', reason: null } })),
      ).toEqual([]);
    });
  });

  describe('given process variables', () => {
    it('then a rule reads them by name, and a variable named like a move fact does not shadow it', async () => {
      expect(await refusals(facts({ variables: { budgetConfirmed: true, move: { to: 'Lost' } } }))).toEqual([]);
      expect(await refusals(facts({ variables: { budgetConfirmed: false } }))).toEqual([{ ruleId: 'budget', reason: 'The budget is not confirmed' }]);
    });

    it('then open tasks are also given by name', () => {
      const resolver = stageMoveFactResolver(
        facts({
          openTasks: [
            { elementId: 'a', name: 'Call' },
            { elementId: 'b', name: null },
          ],
        }),
      );
      expect(resolver.resolve('openTasks')).toEqual(['a', 'b']);
      expect(resolver.resolve('openTaskNames')).toEqual(['Call']);
      expect(stageMoveFactResolver(facts({ record: undefined })).resolve('record')).toBeUndefined();
    });
  });

  describe('given package parameters', () => {
    it('then a rule reads them as params, and a variable named params does not shadow them', () => {
      const resolver = stageMoveFactResolver(facts({ params: { minBudget: 10000 }, variables: { params: { minBudget: 0 } } }));
      expect(resolver.resolve('params')).toEqual({ minBudget: 10000 });
    });
  });

  it('refuses to read another kind of rule set as exit criteria', () => {
    expect(() =>
      exitCriteriaRefusals({ ...leavingQualification, kind: 'classification' } as RuleSet, { matchedRuleIds: [], results: [], usedFallback: false }),
    ).toThrow(/not an exitCriteria rule set/);
  });
});
