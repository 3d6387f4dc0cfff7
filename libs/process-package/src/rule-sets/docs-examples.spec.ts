// The rule sets shown in docs/rules.md are valid: the documentation cannot drift from the format.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateRuleSet } from './rule-set.validator.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/rules.md', import.meta.url)), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]).filter((text) => text.includes('"kind"'));

describe('the rule sets in docs/rules.md', () => {
  it('there is one example per kind', () => {
    expect(examples.map((text) => (JSON.parse(text) as { kind: string }).kind).sort()).toEqual([
      'actions',
      'assignment',
      'classification',
      'exitCriteria',
      'territory',
    ]);
  });

  it.each(examples.map((text) => [(JSON.parse(text) as { key: string }).key, text]))('given the example %s then it has no problem', (_, text) => {
    expect(validateRuleSet(JSON.parse(text))).toEqual([]);
  });
});
