import { nextStep, replacementJob, type ReplacementStep } from './territory-replacement-steps.js';

const first: ReplacementStep = { versions: ['v2', 'v9'], type: 'organization', after: null };

describe('nextStep', () => {
  it('given a full batch, when asked, then the same type goes on after its last id', () => {
    expect(nextStep(first, ['a', 'b'], 2)).toEqual({ versions: ['v2', 'v9'], type: 'organization', after: 'b' });
  });

  it('given a short batch, when asked, then the next placed type starts from its first record', () => {
    expect(nextStep({ ...first, after: 'b' }, ['c'], 2)).toEqual({ versions: ['v2', 'v9'], type: 'contact', after: null });
    expect(nextStep({ ...first, type: 'contact' }, [], 2)).toEqual({ versions: ['v2', 'v9'], type: 'lead', after: null });
  });

  it('given the last type has a short batch, when asked, then the chain is done', () => {
    expect(nextStep({ ...first, type: 'lead', after: 'x' }, ['y'], 2)).toBeUndefined();
  });
});

describe('replacementJob', () => {
  it('given two steps, when made jobs, then each is keyed by its versions, type and position, and carries the step', () => {
    const start = replacementJob(first);
    const later = replacementJob({ ...first, type: 'lead', after: 'b' });
    expect(start).toEqual({ task: 'crm.territory-replacement', payload: first, key: 'crm-territory-replacement:v2:organization:start' });
    expect(later.key).toBe('crm-territory-replacement:v2:lead:b');
  });
});
