import type { RuleSetOf } from '@stageflow/process-package';
import { compileRuleSet, variablesFactResolver } from '@stageflow/rules';
import { decideTerritory, factsReadBy, type TerritoryRuleSetVersion } from './territory-placement.js';

const NOW = new Date('2026-12-07T10:00:00Z');

function territorySet(key: string, rules: RuleSetOf<'territory'>['rules'], fallback = 'Unsorted', version = 1): TerritoryRuleSetVersion {
  const document: RuleSetOf<'territory'> = {
    key,
    name: key,
    kind: 'territory',
    hitPolicy: 'first',
    facts: { industry: 'string', country: 'string', record: 'object' },
    rules,
    fallback: { territory: fallback },
  };
  return { key, version, document, compiled: compileRuleSet(document) };
}

const retail = territorySet('b-industries', [
  {
    id: 'retail',
    conditions: { all: [{ fact: 'industry', operator: 'equal', value: 'retail' }] },
    result: { territory: 'Retail', team: 'retail', owner: 'anna' },
  },
  {
    id: 'dach',
    priority: 5,
    conditions: { any: [{ fact: 'record', path: '$.custom.country', operator: 'in', value: ['DE', 'AT'] }] },
    result: { territory: 'DACH' },
  },
]);
const public_ = territorySet(
  'a-public',
  [{ id: 'public', conditions: { all: [{ fact: 'industry', operator: 'equal', value: 'public' }] }, result: { territory: 'Public' } }],
  'Elsewhere',
);

describe('factsReadBy', () => {
  it('given nested all/any/not conditions, when read, then every fact and path is listed once in order', () => {
    const set = territorySet('s', [
      {
        id: 'one',
        conditions: {
          all: [
            { fact: 'industry', operator: 'equal', value: 'retail' },
            {
              any: [
                { fact: 'record', path: '$.custom.segment', operator: 'equal', value: 'smb' },
                { not: { fact: 'country', operator: 'equal', value: 'DE' } },
              ],
            },
          ],
        },
        result: { territory: 'A' },
      },
      { id: 'two', conditions: { not: { fact: 'industry', operator: 'equal', value: 'public' } }, result: { territory: 'B' } },
      { id: 'three', conditions: { all: [{ fact: '$now', operator: 'daysSince', value: { min: 0 } }] }, result: { territory: 'C' } },
    ]);
    expect(factsReadBy(set.document)).toEqual([{ fact: 'industry' }, { fact: 'record', path: '$.custom.segment' }, { fact: 'country' }, { fact: '$now' }]);
  });
});

describe('decideTerritory', () => {
  const decide = (sets: TerritoryRuleSetVersion[], facts: Record<string, unknown>) => decideTerritory(sets, variablesFactResolver(facts as never), NOW);

  it('given a matching rule, when decided, then the territory names the rule set, its version and rule with the result team and owner', () => {
    expect(decide([retail], { industry: 'retail' })).toEqual({
      territory: 'Retail',
      ruleSet: { key: 'b-industries', version: 1 },
      ruleId: 'retail',
      team: 'retail',
      owner: 'anna',
    });
  });

  it('given a rule over a record path, when decided, then the path decides', () => {
    expect(decide([retail], { industry: 'it', record: { custom: { country: 'AT' } } })).toMatchObject({ territory: 'DACH', ruleId: 'dach' });
  });

  it('given several sets, when a later set has the matching rule, then it wins over the earlier set’s fallback', () => {
    expect(decide([retail, public_], { industry: 'retail' })).toMatchObject({ territory: 'Retail', ruleSet: { key: 'b-industries' } });
  });

  it('given several sets whose rules both match, when decided, then the first by key wins, whatever their order', () => {
    const alsoRetail = territorySet('c-more', [
      { id: 'r', conditions: { all: [{ fact: 'industry', operator: 'equal', value: 'retail' }] }, result: { territory: 'Other' } },
    ]);
    expect(decide([alsoRetail, retail], { industry: 'retail' })).toMatchObject({ territory: 'Retail', ruleSet: { key: 'b-industries' } });
  });

  it('given no rule of any set matches, when decided, then the fallback of the first set by key places it, with no rule', () => {
    expect(decide([retail, public_], { industry: 'it' })).toEqual({ territory: 'Elsewhere', ruleSet: { key: 'a-public', version: 1 }, ruleId: null });
  });

  it('given no set, when decided, then there is no territory', () => {
    expect(decide([], { industry: 'retail' })).toBeUndefined();
  });
});
