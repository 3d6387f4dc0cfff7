import type { DecideRuleSet } from '@stageflow/bpmn-runtime';
import type { RuleSet } from '@stageflow/process-package';
import { RuleSetDecider, type RuleSetVersion, type ShippedRuleSet } from './rule-set-decider.js';

const bant = (hotBudget: number, key = 'bant'): RuleSet => ({
  key,
  name: 'BANT',
  kind: 'classification',
  hitPolicy: 'first',
  facts: { budget: 'number', authority: 'boolean' },
  rules: [
    {
      id: 'hot',
      conditions: {
        all: [
          { fact: 'budget', operator: 'greaterThanInclusive', value: hotBudget },
          { fact: 'authority', operator: 'equal', value: true },
        ],
      },
      result: { rating: 'hot' },
    },
  ],
  fallback: { rating: 'cold' },
});

const version = (id: string, hotBudget: number, key = 'bant'): RuleSetVersion => ({ key, id, version: Number(id.slice(1)), content: bant(hotBudget, key) });
/** The version as the pool sends it to a worker that holds it: no document. */
const idOnly = ({ key, id, version: n }: RuleSetVersion): ShippedRuleSet => ({ key, id, version: n });
const now = '2026-03-01T09:00:00.000Z';

function ready(decider: RuleSetDecider, versions: ShippedRuleSet[]): DecideRuleSet {
  const prepared = decider.prepare(versions, now);
  if (prepared.kind !== 'ready') throw new Error(`expected ready, got missing ${prepared.ids.join(', ')}`);
  return prepared.decide;
}

const hotLead = { budget: 60000, authority: true };

describe('RuleSetDecider', () => {
  it('given the rule set of a key, when a task decides, then the compiled rule set gives the hit-policy value', () => {
    const decide = ready(new RuleSetDecider(), [version('v1', 50000)]);

    expect(decide('bant', hotLead)).toEqual({ ok: true, value: { rating: 'hot' } });
    expect(decide('bant', { budget: 60000, authority: false })).toEqual({ ok: true, value: { rating: 'cold' } });
  });

  it('given a key the command was not given, when a task decides, then it fails naming the key', () => {
    const decide = ready(new RuleSetDecider(), [version('v1', 50000)]);

    expect(decide('territories', {})).toEqual({ ok: false, message: 'no rule set with key "territories" is deployed' });
  });

  it('given commands with the same and then a new version, when they decide, then each version is compiled once and the new one decides', () => {
    const decider = new RuleSetDecider();

    ready(decider, [version('v1', 50000)])('bant', hotLead);
    ready(decider, [version('v1', 50000)])('bant', hotLead);
    const newer = ready(decider, [version('v2', 100000)])('bant', hotLead);

    expect(decider.size).toBe(2);
    expect(newer).toEqual({ ok: true, value: { rating: 'cold' } });
  });

  it('given a version compiled by an earlier command, when a command sends only its id, then it decides with it', () => {
    const decider = new RuleSetDecider();
    ready(decider, [version('v1', 50000)]);

    const decide = ready(decider, [idOnly(version('v1', 50000))]);

    expect(decide('bant', hotLead)).toEqual({ ok: true, value: { rating: 'hot' } });
  });

  it('given a version never sent with its document, when a command sends only its id, then it names the version to send (nothing decided)', () => {
    const decider = new RuleSetDecider();
    ready(decider, [version('v1', 50000, 'territories')]);

    const prepared = decider.prepare([idOnly(version('v1', 50000, 'territories')), idOnly(version('v7', 50000))], now);

    expect(prepared).toEqual({ kind: 'missing', ids: ['v7'] });
  });

  it('given more versions than it keeps, when the one unused longest is sent by id, then it is missing and the recently used one is not', () => {
    const decider = new RuleSetDecider(2);
    ready(decider, [version('v1', 1), version('v2', 2, 'other')]);
    ready(decider, [idOnly(version('v1', 1))]);

    ready(decider, [version('v3', 3, 'third')]);

    expect(decider.size).toBe(2);
    expect(decider.prepare([idOnly(version('v2', 2, 'other'))], now)).toEqual({ kind: 'missing', ids: ['v2'] });
    expect(decider.prepare([idOnly(version('v1', 1))], now).kind).toBe('ready');
  });

  it('given a document that does not compile, when a task decides on it, then that decision fails (the command does not)', () => {
    const broken = {
      ...version('v1', 1),
      content: { ...bant(1), rules: [{ id: 'r', conditions: { all: [{ fact: 'budget', operator: 'noSuchOperator', value: 1 }] }, result: {} }] },
    } as unknown as RuleSetVersion;
    const decider = new RuleSetDecider();

    const prepared = decider.prepare([broken], now);

    expect(prepared.kind).toBe('ready');
    if (prepared.kind === 'ready') expect(() => prepared.decide('bant', hotLead)).toThrow();
  });
});
