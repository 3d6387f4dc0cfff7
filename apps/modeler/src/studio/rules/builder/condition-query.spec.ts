import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleGroupType } from 'react-querybuilder';
import { fieldOf, targetOf } from './condition-field';
import { conditionsToQuery, queryToConditions, sameJson } from './condition-query';

const root = fileURLToPath(new URL('../../../../../../', import.meta.url));

/** Every rule's conditions of the standard packages, the tutorial and docs/rules.md: the corpus of real rule sets. */
function corpus(): Array<[string, unknown]> {
  const files = ['lead', 'opportunity', 'account']
    .flatMap((name) => readdirSync(join(root, 'process-definitions', name, 'rules')).map((file) => join('process-definitions', name, 'rules', file)))
    .concat(['docs/tutorial/public-tender/rules/tender-rating.rule-set.json']);
  const documents = files.map((file) => [file, readFileSync(join(root, file), 'utf8')] as const);
  const doc = readFileSync(join(root, 'docs/rules.md'), 'utf8');
  for (const match of doc.matchAll(/```json\n([\s\S]*?)```/g)) if (match[1]!.includes('"kind"')) documents.push(['docs/rules.md', match[1]!]);
  return documents.flatMap(([file, text]) =>
    (JSON.parse(text) as { rules: Array<{ id: string; conditions: unknown }> }).rules.map(
      (rule) => [`${file} ${rule.id}`, rule.conditions] as [string, unknown],
    ),
  );
}

function query(conditions: unknown): RuleGroupType {
  const converted = conditionsToQuery(conditions);
  if (!converted.ok) throw new Error(`not representable: ${converted.reason}`);
  return converted.query;
}

describe('builder fields', () => {
  it('given a fact without a path then the field is the fact', () => {
    expect(fieldOf({ fact: 'country' })).toBe('country');
    expect(targetOf('country')).toEqual({ fact: 'country' });
    expect(targetOf('$now')).toEqual({ fact: '$now' });
  });

  it('given a path then the field appends it to the fact and reads back the same pair', () => {
    for (const path of ['$.industry', '$.address.country', '$.contacts[0].role', '$[2]']) {
      const field = fieldOf({ fact: 'record', path });
      expect(targetOf(field)).toEqual({ fact: 'record', path });
    }
    expect(fieldOf({ fact: 'record', path: '$.custom.segment' })).toBe('record.custom.segment');
  });
});

describe('conditions to the builder query', () => {
  it('given all, any and a negated comparison then groups, combinators, the NOT toggle and fields appear as the builder shows them', () => {
    const converted = query({
      all: [
        { fact: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
        { not: { fact: 'industry', operator: 'matches', value: '^(Public|Government)' } },
        {
          any: [
            { fact: 'company', path: '$.address.country', operator: 'equal', value: 'DE' },
            { fact: 'employees', operator: 'between', value: [10, 50] },
          ],
        },
      ],
    });
    expect(converted).toEqual({
      combinator: 'and',
      rules: [
        { field: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
        { combinator: 'and', not: true, rules: [{ field: 'industry', operator: 'matches', value: '^(Public|Government)' }] },
        {
          combinator: 'or',
          rules: [
            { field: 'company.address.country', operator: 'equal', value: 'DE' },
            { field: 'employees', operator: 'between', value: [10, 50] },
          ],
        },
      ],
    });
  });

  it('given a negated any at the top then the top group is or with NOT', () => {
    expect(query({ not: { any: [{ fact: 'stage', operator: 'equal', value: 'Lost' }] } })).toEqual({
      combinator: 'or',
      not: true,
      rules: [{ field: 'stage', operator: 'equal', value: 'Lost' }],
    });
  });

  it('given object values of our operators then they reach the builder as they are, not shared with the document', () => {
    const hours = { timezone: 'Europe/Berlin', days: ['mon', 'fri'], from: '09:00', to: '17:30' };
    const conditions = { not: { fact: 'receivedAt', operator: 'withinBusinessHours', value: hours } };
    const converted = query(conditions);
    expect(converted.rules[0]).toEqual({ field: 'receivedAt', operator: 'withinBusinessHours', value: hours });
    (converted.rules[0] as { value: { days: string[] } }).value.days.push('sat');
    expect(hours.days).toEqual(['mon', 'fri']);
  });

  it.each([
    ['a comparison at the top', { fact: 'country', operator: 'equal', value: 'DE' }, 'top'],
    ['two operators in one node', { all: [], any: [] }, 'exactly one of all, any, not'],
    ['a comparison with an extra key', { all: [{ fact: 'a', operator: 'equal', value: 1, params: {} }] }, '"params"'],
    ['a comparison without value', { all: [{ fact: 'a', operator: 'equal' }] }, 'conditions.all[0].value is missing'],
    ['all that is no list', { all: { fact: 'a', operator: 'equal', value: 1 } }, 'must be all or any'],
    ['NOT of a one-comparison all (the builder writes NOT of the comparison)', { not: { all: [{ fact: 'a', operator: 'equal', value: 1 }] } }, 'differently'],
    ['a path that is only $ (the field would lose it)', { all: [{ fact: 'record', path: '$', operator: 'equal', value: 1 }] }, 'differently'],
    ['no object', 'all', 'top'],
  ])('given %s then it is not representable and says why', (_, conditions, reason) => {
    const converted = conditionsToQuery(conditions);
    expect(converted.ok).toBe(false);
    expect(converted.ok ? '' : converted.reason).toContain(reason);
  });
});

describe('the builder query to conditions', () => {
  it('given a query the builder edited (ids, paths, a new comparison) then the conditions hold exactly the comparisons and groups', () => {
    const edited = {
      id: 'root',
      path: [],
      combinator: 'or',
      rules: [
        { id: 'r1', path: [0], field: 'record.custom.segment', operator: 'equal', value: 'smb' },
        { id: 'g1', path: [1], combinator: 'and', not: true, rules: [{ id: 'r2', field: 'budget', operator: 'lessThan', value: 100 }] },
        { id: 'g2', path: [2], combinator: 'and', not: false, rules: [{ id: 'r3', field: 'tags', operator: 'contains', value: undefined }] },
      ],
    } as unknown as RuleGroupType;
    expect(queryToConditions(edited)).toEqual({
      any: [
        { fact: 'record', path: '$.custom.segment', operator: 'equal', value: 'smb' },
        { not: { fact: 'budget', operator: 'lessThan', value: 100 } },
        { all: [{ fact: 'tags', operator: 'contains', value: null }] },
      ],
    });
  });

  it('given a NOT group of several comparisons then it is NOT of all of them', () => {
    const conditions = queryToConditions({
      combinator: 'and',
      not: true,
      rules: [
        { field: 'a', operator: 'equal', value: 1 },
        { field: 'b', operator: 'equal', value: 2 },
      ],
    });
    expect(conditions).toEqual({
      not: {
        all: [
          { fact: 'a', operator: 'equal', value: 1 },
          { fact: 'b', operator: 'equal', value: 2 },
        ],
      },
    });
  });

  it('given an empty group then it is an empty all (the validator then names it)', () => {
    expect(queryToConditions({ combinator: 'and', rules: [] })).toEqual({ all: [] });
  });
});

describe('round trips', () => {
  it.each(corpus())('given the rule %s then the builder shows it and writes back exactly the same conditions', (_, conditions) => {
    expect(queryToConditions(query(conditions))).toEqual(conditions);
  });

  it('given a query without NOT then its conditions convert back to an equal query', () => {
    const start: RuleGroupType = {
      combinator: 'and',
      rules: [
        { field: 'lastContactAt', operator: 'daysSince', value: { min: 90 } },
        { combinator: 'or', not: true, rules: [{ field: 'need', operator: 'in', value: ['high'] }] },
      ],
    };
    expect(query(queryToConditions(start))).toEqual(start);
  });
});

describe('sameJson', () => {
  it('given objects with other key orders then equal; other array orders or values then not', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});
