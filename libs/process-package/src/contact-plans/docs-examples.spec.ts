// The contact plans shown in docs/actions.md are valid: the documentation cannot drift from the format.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateContactPlan } from './contact-plan.validator.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/actions.md', import.meta.url)), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]).filter((text) => text.includes('"steps"'));

describe('the contact plans in docs/actions.md', () => {
  it('there is an example', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((text) => [(JSON.parse(text) as { key: string }).key, text]))('given the example %s then it has no problem', (_, text) => {
    expect(validateContactPlan(JSON.parse(text))).toEqual([]);
  });
});
