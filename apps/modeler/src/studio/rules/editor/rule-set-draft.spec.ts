import { draftText, newDraft, parseDraft, rulesOf, withFact, withNewRule, withoutFact, withoutRule, withRule } from './rule-set-draft';

describe('rule-set drafts', () => {
  it('given a new territory set, then hit policy first and the required fallback; exit criteria and actions hit all', () => {
    expect(newDraft('areas', 'territory')).toEqual(expect.objectContaining({ hitPolicy: 'first', fallback: { territory: 'Unsorted' }, rules: [], facts: {} }));
    expect(newDraft('exit', 'exitCriteria').hitPolicy).toBe('all');
    expect(newDraft('events', 'actions').hitPolicy).toBe('all');
  });

  it('given rules, when one is added, changed and removed, then ids stay unique and other properties are kept', () => {
    let draft = withNewRule({ ...newDraft('rating', 'classification'), custom: 'kept' });
    draft = withNewRule(draft);
    draft = withRule(draft, 0, { ...rulesOf(draft)[0], priority: 5 });
    draft = withoutRule(draft, 1);
    draft = withNewRule(draft);

    expect(rulesOf(draft).map((rule) => [rule.id, rule.priority])).toEqual([
      ['rule-1', 5],
      ['rule-2', undefined],
    ]);
    expect(rulesOf(draft)[1]).toEqual({ id: 'rule-2', conditions: { all: [] }, result: { rating: 'hot' } });
    expect(draft.custom).toBe('kept');
  });

  it('given facts, when added and removed, then the declarations follow', () => {
    const draft = withoutFact(withFact(withFact(newDraft('r', 'classification'), 'budget', 'number'), 'record', 'object'), 'budget');
    expect(draft.facts).toEqual({ record: 'object' });
  });

  it('given the JSON text, then it reads back as the same draft; broken JSON and non-objects say why', () => {
    const draft = withNewRule(newDraft('rating', 'classification'));
    expect(parseDraft(draftText(draft))).toEqual({ ok: true, draft });
    expect(parseDraft('{"key": ')).toEqual({ ok: false, message: expect.any(String) });
    expect(parseDraft('[1]')).toEqual({ ok: false, message: 'not-object' });
  });
});
