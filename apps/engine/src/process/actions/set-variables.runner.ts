// setVariables: the rendered variables are the outcome; completeAction writes them as a
// completed task's variables are written (nearest scope that has each, else the instance).
// Nothing else is written, so only the run's own row records it.
import { Injectable } from '@nestjs/common';
import type { SetVariablesAction } from '@stageflow/process-package';
import type { ActionOutcome, ActionRunner } from './action-runner.js';

@Injectable()
export class SetVariablesRunner implements ActionRunner<'setVariables'> {
  readonly type = 'setVariables' as const;

  async run(action: SetVariablesAction): Promise<ActionOutcome> {
    return { kind: 'completed', variables: action.variables };
  }
}
