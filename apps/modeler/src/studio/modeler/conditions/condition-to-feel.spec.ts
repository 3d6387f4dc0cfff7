import { toFeel } from './condition-to-feel';
import type { ConditionModel, ConditionRow } from './condition-model';

const row = (field: string, operator: ConditionRow['operator'], ...values: ConditionRow['values']): ConditionRow => ({ field, operator, values });

describe('toFeel', () => {
  it.each<[string, ConditionRow, string]>([
    ['a number comparison', row('lead.budget', 'gte', { type: 'number', value: 10000 }), '= lead.budget >= 10000'],
    ['a string equality', row('lead.source', 'eq', { type: 'string', value: 'web' }), '= lead.source = "web"'],
    ['a boolean inequality', row('lead.qualified', 'neq', { type: 'boolean', value: false }), '= lead.qualified != false'],
    ['a day comparison', row('deal.closeDate', 'lt', { type: 'date', value: '2026-12-31' }), '= date(deal.closeDate) < date("2026-12-31")'],
    ['is empty', row('lead.owner', 'isEmpty'), '= lead.owner = null'],
    ['is not empty', row('lead.owner', 'isNotEmpty'), '= lead.owner != null'],
    ['contains', row('lead.company', 'contains', { type: 'string', value: 'GmbH' }), '= contains(lead.company, "GmbH")'],
    ['in a list', row('lead.country', 'in', { type: 'string', value: 'DE' }, { type: 'string', value: 'AT' }), '= lead.country in ("DE", "AT")'],
    ['between', row('params.slaHours', 'between', { type: 'number', value: -1.5 }, { type: 'number', value: 48 }), '= params.slaHours between -1.5 and 48'],
    ['a string with quotes, backslashes and a line break', row('note', 'eq', { type: 'string', value: 'say "hi"\\\n' }), '= note = "say \\"hi\\"\\\\\\n"'],
  ])('given %s, when written, then it is plain FEEL', (_what, single, feel) => {
    expect(toFeel({ combinator: 'all', rows: [single] })).toBe(feel);
  });

  it('given rows combined by any, when written, then they are joined by or, with in and between in parentheses', () => {
    const model: ConditionModel = {
      combinator: 'any',
      rows: [
        row('a', 'between', { type: 'number', value: 1 }, { type: 'number', value: 2 }),
        row('b', 'in', { type: 'number', value: 3 }),
        row('c', 'eq', { type: 'boolean', value: true }),
      ],
    };
    expect(toFeel(model)).toBe('= (a between 1 and 2) or (b in (3)) or c = true');
  });

  it('given no rows, when written, then there is no condition text', () => {
    expect(toFeel({ combinator: 'all', rows: [] })).toBe('');
  });

  it.each<[string, ConditionRow]>([
    ['a field that is no path', row('lead budget', 'eq', { type: 'number', value: 1 })],
    ['a reserved word as a path segment', row('lead.in', 'eq', { type: 'number', value: 1 })],
    ['a missing value', row('a', 'eq')],
    ['a string where only numbers and days compare', row('a', 'lt', { type: 'string', value: 'x' })],
    ['mixed value types in a list', row('a', 'in', { type: 'number', value: 1 }, { type: 'string', value: '1' })],
    ['a day that does not exist', row('a', 'eq', { type: 'date', value: '2026-02-30' })],
    ['a number FEEL has no plain digits for', row('a', 'eq', { type: 'number', value: 1e21 })],
    ['a reversed range', row('a', 'between', { type: 'number', value: 5 }, { type: 'number', value: 1 })],
  ])('given %s, when written, then it refuses the incomplete row', (_what, bad) => {
    expect(() => toFeel({ combinator: 'all', rows: [bad] })).toThrow(/incomplete/);
  });
});
