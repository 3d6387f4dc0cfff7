import { draftFromModel, draftToModel, newRow, withField, withOperator, type ConditionField } from './condition-draft';
import type { ConditionModel } from './condition-model';

const FIELDS: ConditionField[] = [
  { path: 'lead.budget', label: 'Budget', type: 'number' },
  { path: 'lead.source', label: 'Source', type: 'string' },
  { path: 'deal.closeDate', label: 'Close date', type: 'date' },
];

describe('the condition draft', () => {
  it('given a model, when drafted and turned back, then it is the same model', () => {
    const model: ConditionModel = {
      combinator: 'any',
      rows: [
        {
          field: 'lead.budget',
          operator: 'between',
          values: [
            { type: 'number', value: -1.5 },
            { type: 'number', value: 10 },
          ],
        },
        {
          field: 'lead.source',
          operator: 'in',
          values: [
            { type: 'string', value: ' web ' },
            { type: 'string', value: 'fair' },
          ],
        },
        { field: 'custom.flag', operator: 'eq', values: [{ type: 'boolean', value: false }] },
        { field: 'lead.owner', operator: 'isEmpty', values: [] },
      ],
    };
    expect(draftToModel(draftFromModel(model, FIELDS))).toEqual({ ok: true, model });
  });

  it('given a field not in the list with no value, when drafted, then its type falls back to text', () => {
    const draft = draftFromModel({ combinator: 'all', rows: [{ field: 'x.y', operator: 'isNotEmpty', values: [] }] }, FIELDS);
    expect(draft.rows[0]).toMatchObject({ field: 'x.y', type: 'string', inputs: [] });
  });

  it('given rows typed halfway, when turned into the model, then each row says what is missing', () => {
    const rows = [
      { ...newRow(FIELDS), inputs: [''] },
      { ...newRow(FIELDS), inputs: ['12,5'] },
      { ...withOperator(newRow(FIELDS), 'between'), inputs: ['10', '1'] },
      { ...withField(newRow(FIELDS), 'deal.closeDate', FIELDS), inputs: ['2026-02-30'] },
      { ...newRow(FIELDS), field: '' },
      { ...newRow(FIELDS), inputs: [' 7 '] },
    ];
    expect(draftToModel({ combinator: 'all', rows })).toEqual({ ok: false, problems: ['values', 'value', 'range', 'value', 'field', undefined] });
  });

  it('given a number row, when its field becomes a text field, then the operator and values are reset to fit', () => {
    const row = { ...withOperator(newRow(FIELDS), 'gt'), inputs: ['5'] };
    expect(withField(row, 'lead.source', FIELDS)).toMatchObject({ field: 'lead.source', type: 'string', operator: 'eq', inputs: [''] });
    expect(withField({ ...withOperator(newRow(FIELDS), 'isEmpty') }, 'lead.source', FIELDS)).toMatchObject({ operator: 'isEmpty', inputs: [] });
  });

  it('given a row, when its operator changes, then it keeps the values the new operator takes', () => {
    const row = { ...newRow(FIELDS), inputs: ['5'] };
    expect(withOperator(row, 'between').inputs).toEqual(['5', '']);
    expect(withOperator(row, 'in').inputs).toEqual(['5']);
    expect(withOperator(row, 'isNotEmpty').inputs).toEqual([]);
    expect(withOperator({ ...row, inputs: ['1', '2', '3'] }, 'lt').inputs).toEqual(['1']);
  });

  it('given no fields, when a row is added, then it has no field yet and says so', () => {
    const row = newRow([]);
    expect(row.field).toBe('');
    expect(draftToModel({ combinator: 'all', rows: [{ ...row, inputs: ['x'] }] })).toEqual({ ok: false, problems: ['field'] });
  });
});
