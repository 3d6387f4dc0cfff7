// The territory rule sets of part (d), generated deterministically (same sets every run):
// a 50-rule set (2-3 conditions a rule, the analyst's everyday shape) and the 20-rule,
// 5-condition set issue 4 quotes json-rules-engine's ~4,500 evaluations/s for. Every rule set
// passes validateRuleSet; the leads are a fixed pool mixing matches, late matches and misses.
import { validateRuleSet, type Condition, type JsonObject, type RuleSet } from '@stageflow/process-package';

const countries = ['DE', 'AT', 'CH', 'FR', 'IT', 'ES', 'PL', 'HU', 'NL', 'BE', 'SE', 'NO', 'DK', 'FI', 'PT', 'CZ', 'GB', 'IE', 'US', 'CA'];
const industries = ['Banking', 'Insurance', 'Retail', 'Manufacturing', 'Software', 'Telecom', 'Energy', 'Healthcare', 'Public', 'Logistics'];
const regions = ['North', 'South', 'East', 'West', 'Central'];

/** A small deterministic generator (mulberry32), so the sets and leads are the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[], count: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
  return chosen;
};

const facts = { country: 'string', region: 'string', industry: 'string', employees: 'number', revenue: 'number' } as const;

function territorySet(key: string, rules: Array<{ conditions: Condition[] }>): RuleSet {
  const set: RuleSet = {
    key,
    name: key,
    kind: 'territory',
    hitPolicy: 'first',
    facts: { ...facts },
    rules: rules.map((rule, index) => ({
      id: `t${index + 1}`,
      priority: rules.length - index,
      conditions: { all: rule.conditions },
      result: { territory: `Territory ${index + 1}`, team: `team-${index % 7}`, owner: `owner-${index}` },
    })),
    fallback: { territory: 'Unsorted' },
  };
  const problems = validateRuleSet(set);
  if (problems.length > 0) throw new Error(`bench rule set ${key} is invalid: ${JSON.stringify(problems[0])}`);
  return set;
}

/** 50 rules of 2-3 conditions: country list, industry list, and for some a size band. */
export function fiftyRuleSet(): RuleSet {
  const next = random(50);
  return territorySet(
    'territories-50',
    Array.from({ length: 50 }, () => {
      const conditions: Condition[] = [
        { fact: 'country', operator: 'in', value: pick(next, countries, 3) },
        { fact: 'industry', operator: 'in', value: pick(next, industries, 3) },
      ];
      if (next() < 0.5) conditions.push({ fact: 'employees', operator: 'between', value: [Math.floor(next() * 500), 500 + Math.floor(next() * 5000)] });
      return { conditions };
    }),
  );
}

/** 20 rules of exactly 5 conditions: country, region, industry, size band, revenue floor. */
export function twentyRuleFiveConditionSet(): RuleSet {
  const next = random(20);
  return territorySet(
    'territories-20x5',
    Array.from({ length: 20 }, () => ({
      conditions: [
        { fact: 'country', operator: 'in', value: pick(next, countries, 4) },
        { fact: 'region', operator: 'notEqual', value: pick(next, regions, 1)[0] },
        { fact: 'industry', operator: 'in', value: pick(next, industries, 4) },
        { fact: 'employees', operator: 'between', value: [Math.floor(next() * 200), 200 + Math.floor(next() * 5000)] },
        { fact: 'revenue', operator: 'greaterThanInclusive', value: Math.floor(next() * 1_000_000) },
      ],
    })),
  );
}

/** 1,000 leads: country, region, industry, employees, revenue. */
export function leadPool(): JsonObject[] {
  const next = random(7);
  return Array.from({ length: 1000 }, () => ({
    country: pick(next, countries, 1)[0],
    region: pick(next, regions, 1)[0],
    industry: pick(next, industries, 1)[0],
    employees: Math.floor(next() * 6000),
    revenue: Math.floor(next() * 2_000_000),
  }));
}
