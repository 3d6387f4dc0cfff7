import { withNewStep } from './plan-draft';

describe('contact-plan drafts', () => {
  it('given steps, when one is added, then its id is unique and the first runs at once, the next a day later', () => {
    const first = withNewStep({ key: 'p', name: 'P', steps: [] });
    const second = withNewStep({ ...first, steps: [...first.steps, { ...first.steps[0]!, id: 'step-2' }] });

    expect(first.steps[0]).toEqual({ id: 'step-1', offset: 'PT0S', action: { type: 'createTask', title: '' } });
    expect(second.steps.map((step) => step.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(second.steps[2]!.offset).toBe('P1D');
  });
});
