// Both evaluators on the same examples: the compiled one must say what json-rules-engine says.
import { validateRuleSet, type RuleSet } from '@stageflow/process-package';
import { variablesFactResolver } from '../facts/fact-resolver.js';
import { compileRuleSet } from './compile-rule-set.js';
import { decisionValue } from './decide.js';
import type { RuleSetEvaluation } from './evaluation.types.js';
import { ReferenceEvaluator } from './reference-evaluator.js';
import { bantSet, territorySet } from './sample-rule-sets.testing.js';

const now = new Date('2026-03-31T10:00:00Z');

async function evaluateWithBoth(ruleSet: RuleSet, variables: Record<string, unknown>): Promise<RuleSetEvaluation> {
  const facts = variablesFactResolver(variables as never);
  const reference = await new ReferenceEvaluator(ruleSet).evaluate(facts, now);
  const compiled = compileRuleSet(ruleSet);
  expect(compiled.explain(facts, now)).toEqual(reference);
  const { rules: _rules, ...decision } = reference;
  expect(compiled.decide(facts, now)).toEqual(decision);
  return reference;
}

describe('rule-set evaluation (json-rules-engine reference and compiled)', () => {
  it('the sample rule sets are valid', () => {
    expect(validateRuleSet(territorySet)).toEqual([]);
    expect(validateRuleSet(bantSet)).toEqual([]);
  });

  describe('given a territory set with hit policy first', () => {
    it('when a higher-priority rule matches then it wins over an earlier rule', async () => {
      const evaluation = await evaluateWithBoth(territorySet, { country: 'DE', employees: 5000, industry: 'Banking' });
      expect(evaluation.matchedRuleIds).toEqual(['dach-enterprise']);
      expect(decisionValue(territorySet, evaluation)).toEqual({ territory: 'DACH Enterprise', team: 'dach-ent', owner: 'anna' });
      expect(evaluation.rules.map(({ id, matched }) => [id, matched])).toEqual([
        ['dach-enterprise', true],
        ['dach', true],
      ]);
    });

    it('when only the lower rule matches then it is the result, and the explanation says which condition failed', async () => {
      const evaluation = await evaluateWithBoth(territorySet, { country: 'AT', employees: 50, industry: 'Retail' });
      expect(evaluation.matchedRuleIds).toEqual(['dach']);
      expect(evaluation.rules[0]).toEqual({
        id: 'dach-enterprise',
        priority: 10,
        matched: false,
        conditions: {
          all: [
            { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'], factValue: 'AT', passed: true },
            { fact: 'employees', operator: 'greaterThanInclusive', value: 1000, factValue: 50, passed: false },
            { not: { fact: 'industry', operator: 'matches', value: '^(Public|Government)', factValue: 'Retail', passed: false }, passed: true },
          ],
          passed: false,
        },
      });
    });

    it('when a fact is reached by a path into an object then its value is shown', async () => {
      const evaluation = await evaluateWithBoth(territorySet, { country: 'US', company: { address: { country: 'DE' } } });
      expect(evaluation.matchedRuleIds).toEqual(['dach']);
      const dach = evaluation.rules[1].conditions;
      expect('any' in dach && dach.any[1]).toEqual({
        fact: 'company',
        path: '$.address.country',
        operator: 'equal',
        value: 'DE',
        factValue: 'DE',
        passed: true,
      });
    });

    it('when no rule matches then the fallback territory is the result', async () => {
      const evaluation = await evaluateWithBoth(territorySet, { country: 'FR' });
      expect(evaluation).toMatchObject({ matchedRuleIds: [], results: [{ territory: 'Unsorted' }], usedFallback: true });
    });
  });

  describe('given a BANT classification with hit policy all', () => {
    it('when several rules match then every result is returned in priority order', async () => {
      const evaluation = await evaluateWithBoth(bantSet, { budget: 50000, authority: true, need: 'urgent', lastContactAt: '2026-01-02' });
      expect(evaluation.matchedRuleIds).toEqual(['expected-buyer', 'stale']);
      expect(decisionValue(bantSet, evaluation)).toEqual([
        { segment: 'expectedBuyer', score: 90 },
        { segment: 'noProspect', score: 0 },
      ]);
    });

    it('when nothing matches and there is no fallback then the result is an empty list', async () => {
      const evaluation = await evaluateWithBoth(bantSet, { budget: 50000, authority: true, need: 'low', lastContactAt: '2026-03-30' });
      expect(evaluation).toMatchObject({ matchedRuleIds: [], results: [], usedFallback: false });
      expect(decisionValue(bantSet, evaluation)).toEqual([]);
    });

    it('when facts are missing then conditions on them fail (and not passes)', async () => {
      const evaluation = await evaluateWithBoth(bantSet, {});
      expect(evaluation.matchedRuleIds).toEqual(['nurture']);
    });
  });

  describe('given a path on a fact that is not an object', () => {
    const countries: RuleSet = {
      key: 'countries',
      name: 'Countries',
      kind: 'classification',
      hitPolicy: 'all',
      facts: { country: 'string' },
      rules: [{ id: 'de', conditions: { all: [{ fact: 'country', path: '$.length', operator: 'equal', value: 'DE' }] }, result: { de: true } }],
    };

    it('then the condition compares the fact itself, as json-rules-engine reads a path only into objects', async () => {
      expect((await evaluateWithBoth(countries, { country: 'DE' })).matchedRuleIds).toEqual(['de']);
      expect((await evaluateWithBoth(countries, { country: null })).matchedRuleIds).toEqual([]);
    });

    it('when a condition names a fact the set does not declare then compiling it fails', () => {
      const undeclared = {
        ...countries,
        rules: [{ ...countries.rules[0], conditions: { all: [{ fact: 'region', operator: 'equal', value: 'EU' }] } }],
      } as RuleSet;
      expect(() => compileRuleSet(undeclared)).toThrow('fact "region" is not declared in the rule set');
    });
  });

  describe('given concurrent dry runs with different instants', () => {
    it('then each run uses its own now', async () => {
      const evaluator = new ReferenceEvaluator(bantSet);
      const facts = variablesFactResolver({ lastContactAt: '2026-03-01' });
      const [early, late] = await Promise.all([
        evaluator.evaluate(facts, new Date('2026-03-05T00:00:00Z')),
        evaluator.evaluate(facts, new Date('2026-04-05T00:00:00Z')),
      ]);
      expect(early.matchedRuleIds).toEqual(['nurture']);
      expect(late.matchedRuleIds).toEqual(['stale', 'nurture']);
    });
  });
});
