import type { RuleSet } from '@stageflow/process-package';
import { RuleSetDecider, type RuleSetVersion } from './rule-set-decider.js';

const bant = (hotBudget: number): RuleSet => ({
  key: 'bant',
  name: 'BANT',
  kind: 'classification',
  hitPolicy: 'first',
  facts: { budget: 'number', authority: 'boolean' },
  rules: [
    { id: 'hot', conditions: { all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: hotBudget }, { fact: 'authority', operator: 'equal', value: true }] }, result: { rating: 'hot' } },
  ],
  fallback: { rating: 'cold' },
});

const version = (id: string, hotBudget: number): RuleSetVersion => ({ key: 'bant', id, version: Number(id.slice(1)), content: bant(hotBudget) });
const now = '2026-03-01T09:00:00.000Z';

describe('RuleSetDecider', () => {
  it('given the rule set of a key, when a task decides, then the compiled rule set gives the hit-policy value', () => {
    const decide = new RuleSetDecider().decideFor([version('v1', 50000)], now);

    expect(decide('bant', { budget: 60000, authority: true })).toEqual({ ok: true, value: { rating: 'hot' } });
    expect(decide('bant', { budget: 60000, authority: false })).toEqual({ ok: true, value: { rating: 'cold' } });
  });

  it('given a key the command was not given, when a task decides, then it fails naming the key', () => {
    const decide = new RuleSetDecider().decideFor([version('v1', 50000)], now);

    expect(decide('territories', {})).toEqual({ ok: false, message: 'no rule set with key "territories" is deployed' });
  });

  it('given commands with the same and then a new version, when they decide, then each version is compiled once and the new one decides', () => {
    const decider = new RuleSetDecider();

    decider.decideFor([version('v1', 50000)], now)('bant', { budget: 60000, authority: true });
    decider.decideFor([version('v1', 50000)], now)('bant', { budget: 60000, authority: true });
    const newer = decider.decideFor([version('v2', 100000)], now)('bant', { budget: 60000, authority: true });

    expect(decider.size).toBe(2);
    expect(newer).toEqual({ ok: true, value: { rating: 'cold' } });
  });
});
