import { fromFeel } from './condition-from-feel';

describe('fromFeel', () => {
  it('given rows joined by and, in parentheses and without the leading =, when read, then it gives the rows', () => {
    expect(
      fromFeel('(lead.budget >= 10000) and ( contains(lead.company, "GmbH") )and date(deal.closeDate) between date("2026-01-01") and date("2026-03-31")'),
    ).toEqual({
      ok: true,
      model: {
        combinator: 'all',
        rows: [
          { field: 'lead.budget', operator: 'gte', values: [{ type: 'number', value: 10000 }] },
          { field: 'lead.company', operator: 'contains', values: [{ type: 'string', value: 'GmbH' }] },
          {
            field: 'deal.closeDate',
            operator: 'between',
            values: [
              { type: 'date', value: '2026-01-01' },
              { type: 'date', value: '2026-03-31' },
            ],
          },
        ],
      },
    });
  });

  it('given rows joined by or, when read, then the combinator is any and literals are decoded as feelin decodes them', () => {
    expect(fromFeel('= lead.owner = null or lead.source in ("web", "fair\\"s") or stageMove != "Lost" or x.flag = true or n = -2.50')).toEqual({
      ok: true,
      model: {
        combinator: 'any',
        rows: [
          { field: 'lead.owner', operator: 'isEmpty', values: [] },
          {
            field: 'lead.source',
            operator: 'in',
            values: [
              { type: 'string', value: 'web' },
              { type: 'string', value: 'fair"s' },
            ],
          },
          { field: 'stageMove', operator: 'neq', values: [{ type: 'string', value: 'Lost' }] },
          { field: 'x.flag', operator: 'eq', values: [{ type: 'boolean', value: true }] },
          { field: 'n', operator: 'eq', values: [{ type: 'number', value: -2.5 }] },
        ],
      },
    });
  });

  it.each(['', '   ', '='])('given the empty text %j, when read, then it is a model without rows', (text) => {
    expect(fromFeel(text)).toEqual({ ok: true, model: { combinator: 'all', rows: [] } });
  });

  it.each([
    ['and and or mixed', '= a = 1 and b = 2 or c = 3'],
    ['arithmetic', '= lead.budget * 2 > 100'],
    ['a literal on the left', '= 100 < lead.budget'],
    ['a function other than contains', '= string length(lead.name) > 3'],
    ['a day compared without date(field)', '= deal.closeDate < date("2026-01-01")'],
    ['a date-time', '= date(x) < date and time("2026-01-01T10:00:00")'],
    ['not(...)', '= not(a = 1)'],
    ['a filter in the path', '= items[1].price > 3'],
    ['a string compared with <', '= lead.name < "M"'],
    ['a comment', '= a = 1 // why'],
    ['a name with spaces', '= lead name = 1'],
    ['a range test in a list', '= a in (< 5, 10)'],
    ['a list literal', '= a = [1, 2]'],
    ['a reversed range (feelin and the FEEL standard disagree on it)', '= a between 5 and 1'],
    ['params over a function call', '= today() > date("2026-01-01")'],
  ])('given %s, when read, then the builder cannot show it', (_what, text) => {
    expect(fromFeel(text)).toEqual({ ok: false, reason: 'not-representable' });
  });

  it.each(['= a >', '= contains(a,', '= (a = 1'])('given %j, which is not FEEL, when read, then it is invalid', (text) => {
    expect(fromFeel(text)).toEqual({ ok: false, reason: 'invalid' });
  });
});
