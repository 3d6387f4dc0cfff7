import type { RuleSet } from '@stageflow/process-package';
import type { DatabaseClock } from '../../platform/database/database-clock.js';
import { InvalidDefinition, NotFound } from '../../platform/errors/domain-errors.js';
import { fakeAs } from '../../platform/database/fake-as.js';
import { FakeRuleSetsRepository } from './rule-sets.repository.fake.js';
import type { RuleSetsRepository } from './rule-sets.repository.js';
import { RuleSetsService } from './rule-sets.service.js';

const NOW = new Date('2026-03-01T10:00:00Z');

function scoring(version: number, minimum: number): RuleSet {
  return {
    key: 'lead-score',
    name: 'Lead score',
    kind: 'classification',
    hitPolicy: 'first',
    facts: { budget: { type: 'number' } },
    rules: [{ id: 'big', conditions: { all: [{ fact: 'budget', operator: 'greaterThanInclusive', value: minimum }] }, result: { score: version * 10 } }],
    fallback: { score: 0 },
  } as unknown as RuleSet;
}

function newTestService() {
  const ruleSets = new FakeRuleSetsRepository();
  ruleSets.now = NOW;
  ruleSets.seed({ key: 'lead-score', version: 1, name: 'Lead score', content: scoring(1, 1000), content_hash: 'hash-1' });
  ruleSets.seed({ key: 'lead-score', version: 2, name: 'Lead score', content: scoring(2, 5000), content_hash: 'hash-2' });
  const clock = { now: () => NOW.toISOString() } as unknown as DatabaseClock;
  return { service: new RuleSetsService(fakeAs<RuleSetsRepository>(ruleSets), clock), ruleSets };
}

describe('RuleSetsService', () => {
  it('given two versions, when evaluated without a version, then the latest decides, at the database clock', async () => {
    const { service } = newTestService();

    const run = await service.evaluate('lead-score', { budget: 3000 }, undefined);

    expect(run.ruleSet).toEqual({ id: '50000000-0000-4000-8000-000000000002', key: 'lead-score', version: 2 });
    expect(run.result).toEqual({ score: 0 });
    expect(run.evaluatedAt).toBe(NOW.toISOString());
  });

  it('given two versions, when evaluated at version 1, then version 1 decides', async () => {
    const { service } = newTestService();

    const run = await service.evaluate('lead-score', { budget: 3000 }, 1);

    expect(run.ruleSet).toEqual({ id: '50000000-0000-4000-8000-000000000001', key: 'lead-score', version: 1 });
    expect(run.result).toEqual({ score: 10 });
  });

  it('given an unknown key or version, when evaluated, then 404 saying which', async () => {
    const { service } = newTestService();

    await expect(service.evaluate('nope', {}, undefined)).rejects.toThrow('no rule set with key "nope"');
    await expect(service.evaluate('lead-score', {}, 7)).rejects.toThrow('rule set "lead-score" has no version 7');
  });

  it('given versions of two keys, when the latest are listed, then one per key, newest version', async () => {
    const { service, ruleSets } = newTestService();
    ruleSets.seed({ key: 'a-routing', version: 1, content: { ...scoring(1, 1), key: 'a-routing' } as RuleSet });

    const page = await service.list({ latest: true }, { offset: 0, limit: 10 });

    expect(page.items.map((view) => [view.key, view.version])).toEqual([
      ['a-routing', 1],
      ['lead-score', 2],
    ]);
    expect(page.total).toBe(2);
  });

  it('given a version, when read by id, then its view carries its document; an unknown id is 404', async () => {
    const { service } = newTestService();

    const detail = await service.get('50000000-0000-4000-8000-000000000001');

    expect(detail).toMatchObject({ version: 1, resourceName: 'lead-score.rule-set.json', contentHash: 'hash-1', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(detail.content).toEqual(scoring(1, 1000));
    await expect(service.get('50000000-0000-4000-8000-000000000009')).rejects.toThrow(NotFound);
  });

  it('given a draft that is not deployed, when evaluated, then it decides on the facts at the database clock and explains every condition', async () => {
    const { service } = newTestService();
    const draft = { ...scoring(3, 100), facts: { budget: 'number' } };

    const run = await service.evaluateDraft(draft, { budget: 150 });

    expect(run.result).toEqual({ score: 30 });
    expect(run.evaluatedAt).toBe(NOW.toISOString());
    expect(run.rules).toEqual([
      expect.objectContaining({
        id: 'big',
        matched: true,
        conditions: expect.objectContaining({ passed: true, all: [expect.objectContaining({ factValue: 150, passed: true })] }),
      }),
    ]);
  });

  it('given a draft with problems, when evaluated, then invalid definition naming each by rule id and path', async () => {
    const { service } = newTestService();
    const draft = {
      ...scoring(3, 100),
      facts: { budget: 'number' },
      rules: [{ id: 'big', conditions: { all: [{ fact: 'budget', operator: 'like', value: 1 }] }, result: { score: 1 } }],
    };

    const error = await service.evaluateDraft(draft, {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidDefinition);
    expect((error as InvalidDefinition).details).toEqual([
      expect.objectContaining({ elementId: 'big', path: 'rules[0].conditions.all[0].operator', message: expect.stringContaining('"like" is not an operator') }),
    ]);
  });
});
