import { SetVariablesRunner } from './set-variables.runner.js';

describe('SetVariablesRunner', () => {
  it('given rendered variables, when run, then they are the outcome that completeAction writes', async () => {
    const outcome = await new SetVariablesRunner().run({ type: 'setVariables', variables: { stage: 'Qualified', owner: 'anna' } });

    expect(outcome).toEqual({ kind: 'completed', variables: { stage: 'Qualified', owner: 'anna' } });
  });
});
