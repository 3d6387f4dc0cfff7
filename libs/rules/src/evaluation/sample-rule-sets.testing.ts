// Rule sets the evaluator specs share: a territory set (first hit, fallback) and a BANT
// classification (all hits). Both pass validateRuleSet (checked in the specs).
import type { RuleSet } from '@stageflow/process-package';

export const territorySet: RuleSet = {
  key: 'lead-territories',
  name: 'Lead territories',
  kind: 'territory',
  hitPolicy: 'first',
  facts: { country: 'string', employees: 'number', industry: 'string', company: 'object' },
  rules: [
    {
      id: 'dach',
      conditions: {
        any: [
          { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
          { fact: 'company', path: '$.address.country', operator: 'equal', value: 'DE' },
        ],
      },
      result: { territory: 'DACH', team: 'dach' },
    },
    {
      id: 'dach-enterprise',
      priority: 10,
      conditions: {
        all: [
          { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
          { fact: 'employees', operator: 'greaterThanInclusive', value: 1000 },
          { not: { fact: 'industry', operator: 'matches', value: '^(Public|Government)' } },
        ],
      },
      result: { territory: 'DACH Enterprise', team: 'dach-ent', owner: 'anna' },
    },
  ],
  fallback: { territory: 'Unsorted' },
};

export const bantSet: RuleSet = {
  key: 'bant',
  name: 'BANT classification',
  kind: 'classification',
  hitPolicy: 'all',
  facts: { budget: 'number', authority: 'boolean', need: 'string', lastContactAt: 'date' },
  rules: [
    {
      id: 'expected-buyer',
      priority: 5,
      conditions: {
        all: [
          { fact: 'budget', operator: 'between', value: [10000, 1000000] },
          { fact: 'authority', operator: 'equal', value: true },
          { fact: 'need', operator: 'in', value: ['high', 'urgent'] },
        ],
      },
      result: { segment: 'expectedBuyer', score: 90 },
    },
    {
      id: 'stale',
      conditions: { all: [{ fact: 'lastContactAt', operator: 'daysSince', value: { min: 30 } }] },
      result: { segment: 'noProspect', score: 0 },
    },
    {
      id: 'nurture',
      conditions: { not: { fact: 'authority', operator: 'equal', value: true } },
      result: { segment: 'nurturable', score: 40 },
    },
  ],
};
