import type { RuleSet } from '@stageflow/process-package';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { fakeOf } from '../testing/fake-of.js';
import type { RuleSetRow } from './rule-set.row.js';
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

function row(version: number, content: RuleSet): RuleSetRow {
  return {
    id: `50000000-0000-4000-8000-00000000000${version}`,
    key: 'lead-score',
    version,
    name: 'Lead score',
    kind: 'classification',
    resource_name: 'lead-score.rule-set.json',
    content,
    content_hash: `hash-${version}`,
    deployment_id: '60000000-0000-4000-8000-000000000001',
    created_at: new Date('2026-01-01T00:00:00Z'),
  };
}

function newTestService() {
  const rows = [row(1, scoring(1, 1000)), row(2, scoring(2, 5000))];
  const reads: { key: string; version: number | undefined }[] = [];
  const repository = fakeOf<RuleSetsRepository>({
    byId: async (id: string) => rows.find((candidate) => candidate.id === id),
    forEvaluation: async (key: string, version: number | undefined) => {
      reads.push({ key, version });
      const ofKey = rows.filter((candidate) => candidate.key === key).sort((a, b) => b.version - a.version);
      const found = version === undefined ? ofKey[0] : ofKey.find((candidate) => candidate.version === version);
      return found ? { id: found.id, version: found.version, content: found.content, now: NOW } : undefined;
    },
    page: async () => ({ rows: rows.map(({ content: _content, ...rest }) => rest), total: rows.length }),
  });
  return { service: new RuleSetsService(repository), reads };
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
    const { service, reads } = newTestService();

    const run = await service.evaluate('lead-score', { budget: 3000 }, 1);

    expect(reads).toEqual([{ key: 'lead-score', version: 1 }]);
    expect(run.ruleSet.version).toBe(1);
    expect(run.result).toEqual({ score: 10 });
  });

  it('given an unknown key or version, when evaluated, then 404 saying which', async () => {
    const { service } = newTestService();

    await expect(service.evaluate('nope', {}, undefined)).rejects.toThrow('no rule set with key "nope"');
    await expect(service.evaluate('lead-score', {}, 7)).rejects.toThrow('rule set "lead-score" has no version 7');
  });

  it('given a version, when read by id, then its view carries its document; an unknown id is 404', async () => {
    const { service } = newTestService();

    const detail = await service.get('50000000-0000-4000-8000-000000000001');

    expect(detail).toMatchObject({ version: 1, resourceName: 'lead-score.rule-set.json', contentHash: 'hash-1', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(detail.content).toEqual(scoring(1, 1000));
    await expect(service.get('50000000-0000-4000-8000-000000000009')).rejects.toThrow(NotFound);
  });
});
