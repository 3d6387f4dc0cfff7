// The runner of each action type, by type. A type without a runner here cannot run: its
// service task gets an incident naming the type (retryable once a runner exists).
import { Injectable } from '@nestjs/common';
import type { ActionType } from '@stageflow/process-package';
import type { ActionRunner } from './action-runner.js';
import { NotifyUserRunner } from './notify-user.runner.js';
import { SetVariablesRunner } from './set-variables.runner.js';
import { StartContactPlanRunner } from './start-contact-plan.runner.js';

@Injectable()
export class ActionRunners {
  private readonly byType: ReadonlyMap<ActionType, ActionRunner>;

  constructor(setVariables: SetVariablesRunner, notifyUser: NotifyUserRunner, startContactPlan: StartContactPlanRunner) {
    const runners: ActionRunner[] = [setVariables, notifyUser, startContactPlan] as ActionRunner[];
    this.byType = new Map(runners.map((runner) => [runner.type, runner]));
  }

  get(type: ActionType): ActionRunner | undefined {
    return this.byType.get(type);
  }
}
