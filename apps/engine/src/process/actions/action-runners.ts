// The runner of each action type, by type. Modules register theirs as they are built (the actions
// module its own, contact plans `startContactPlan`, the CRM its record actions); a type without a
// runner (a format extended before its runner) gets an incident at the task naming the type.
import { Injectable } from '@nestjs/common';
import type { ActionType } from '@stageflow/process-package';
import type { ActionRunner } from './action-runner.js';

@Injectable()
export class ActionRunners {
  private readonly byType = new Map<ActionType, ActionRunner>();

  register(...runners: ActionRunner[]): void {
    for (const runner of runners) {
      if (this.byType.has(runner.type)) throw new Error(`a runner for action type "${runner.type}" is already registered`);
      this.byType.set(runner.type, runner);
    }
  }

  get(type: ActionType): ActionRunner | undefined {
    return this.byType.get(type);
  }
}
