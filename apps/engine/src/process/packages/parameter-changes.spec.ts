import type { PackageManifest } from '@stageflow/process-package';
import { carryOverParameters, parameterChanges } from './parameter-changes.js';

const manifest = (properties: Record<string, object>): PackageManifest => ({
  name: 'lead',
  version: '1.1.0',
  parameters: { type: 'object', properties: properties as never, additionalProperties: false },
  resources: [],
});

describe('carryOverParameters', () => {
  it('gives the first version its defaults', () => {
    expect(carryOverParameters(manifest({ sla: { type: 'integer', default: 24, description: 'h' } }), undefined)).toEqual({ sla: 24 });
  });

  it('keeps values still declared and valid, defaults new parameters and drops those no longer declared', () => {
    const next = manifest({ sla: { type: 'integer', default: 24, description: 'h' }, score: { type: 'number', default: 50, description: 's' } });

    expect(carryOverParameters(next, { sla: 8, gone: true })).toEqual({ sla: 8, score: 50 });
  });

  it('gives a value the new schema refuses its default', () => {
    const next = manifest({
      sla: { type: 'integer', minimum: 12, default: 24, description: 'h' },
      stages: { type: 'array', items: { type: 'string' }, default: ['A'], description: 's' },
    });

    expect(carryOverParameters(next, { sla: 8, stages: ['A', 2] })).toEqual({ sla: 24, stages: ['A'] });
  });
});

describe('parameterChanges', () => {
  it('names only what differs, deeply compared, with each side as it was', () => {
    expect(parameterChanges({ sla: 24, stages: ['A'], gone: 1 }, { sla: 12, stages: ['A'], added: true })).toEqual({
      old: { sla: 24, gone: 1 },
      new: { sla: 12, added: true },
    });
  });

  it('is empty for equal values', () => {
    expect(parameterChanges({ stages: ['A', 'B'] }, { stages: ['A', 'B'] })).toEqual({ old: {}, new: {} });
  });
});
