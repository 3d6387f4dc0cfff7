import { enteredStageProbability, stageProbabilityDefaults } from './stage-probability.js';

const DEFAULTS = { Identification: 10, Qualification: 20, Offer: 50, Won: 100, Lost: 0 };

describe('the default probability of a stage', () => {
  it('given a deal without a probability, when it enters a stage with a default, then it takes that default', () => {
    expect(enteredStageProbability({ stage: 'Identification', current: null, lastWrittenBy: undefined, defaults: DEFAULTS })).toBe(10);
  });

  it('given a probability a stage gave, when the deal enters the next stage, then it follows that stage (Lost: 0)', () => {
    expect(enteredStageProbability({ stage: 'Offer', current: 20, lastWrittenBy: 'process', defaults: DEFAULTS })).toBe(50);
    expect(enteredStageProbability({ stage: 'Lost', current: 50, lastWrittenBy: 'process', defaults: DEFAULTS })).toBe(0);
  });

  it('given a probability a seller set (in the app or by an import), when the deal enters a stage, then it is kept', () => {
    expect(enteredStageProbability({ stage: 'Offer', current: 35, lastWrittenBy: 'user', defaults: DEFAULTS })).toBeUndefined();
    expect(enteredStageProbability({ stage: 'Offer', current: 35, lastWrittenBy: 'import', defaults: DEFAULTS })).toBeUndefined();
  });

  it('given a seller who cleared the probability, when the deal enters a stage, then the stage default counts again', () => {
    expect(enteredStageProbability({ stage: 'Offer', current: null, lastWrittenBy: 'user', defaults: DEFAULTS })).toBe(50);
  });

  it('given a stage without a default or a package without the parameter, when a deal enters it, then the probability stays', () => {
    expect(enteredStageProbability({ stage: 'Negotiation', current: 50, lastWrittenBy: 'process', defaults: DEFAULTS })).toBeUndefined();
    expect(enteredStageProbability({ stage: 'Offer', current: null, lastWrittenBy: undefined, defaults: undefined })).toBeUndefined();
  });

  it('given the same value already, when the deal enters the stage, then nothing is written', () => {
    expect(enteredStageProbability({ stage: 'Offer', current: 50, lastWrittenBy: 'process', defaults: DEFAULTS })).toBeUndefined();
  });

  it('reads the per-stage defaults from the package parameters, skipping values that are no probability', () => {
    expect(stageProbabilityDefaults({ stageProbabilities: { Offer: 50, Won: 100, Odd: 'x', Big: 120 } })).toEqual({ Offer: 50, Won: 100 });
    expect(stageProbabilityDefaults({ stages: ['Offer'] })).toBeUndefined();
    expect(stageProbabilityDefaults({ stageProbabilities: [10, 20] })).toBeUndefined();
  });
});
