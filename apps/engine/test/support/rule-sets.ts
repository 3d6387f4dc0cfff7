// Rule sets for API tests: a BANT lead classification (budget, authority, need, timeline).

/** A classification rule set: hot when all four BANT criteria hold, warm with budget and need, else cold. */
export function bantRuleSet(key: string, options: { hotBudget?: number } = {}): string {
  return JSON.stringify({
    key,
    name: 'BANT lead classification',
    kind: 'classification',
    hitPolicy: 'first',
    facts: { budget: 'number', authority: 'boolean', need: 'string', timelineDays: 'number' },
    rules: [
      {
        id: 'hot',
        priority: 10,
        conditions: {
          all: [
            { fact: 'budget', operator: 'greaterThanInclusive', value: options.hotBudget ?? 50000 },
            { fact: 'authority', operator: 'equal', value: true },
            { fact: 'need', operator: 'in', value: ['high', 'critical'] },
            { fact: 'timelineDays', operator: 'lessThanInclusive', value: 90 },
          ],
        },
        result: { rating: 'hot', score: 100 },
      },
      {
        id: 'warm',
        priority: 5,
        conditions: {
          all: [
            { fact: 'budget', operator: 'greaterThanInclusive', value: 10000 },
            { fact: 'need', operator: 'notIn', value: ['none'] },
          ],
        },
        result: { rating: 'warm', score: 50 },
      },
    ],
    fallback: { rating: 'cold', score: 0 },
  });
}
