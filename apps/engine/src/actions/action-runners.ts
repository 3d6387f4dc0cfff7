// The runner of each action type, by type. Every type of the format has one; a type without a
// runner (a format extended before its runner) gets an incident at the task naming the type.
import { Injectable } from '@nestjs/common';
import type { ActionType } from '@stageflow/process-package';
import type { ActionRunner } from './action-runner.js';
import { CallWebhookRunner } from './call-webhook.runner.js';
import { CreateTaskRunner } from './create-task.runner.js';
import { NotifyUserRunner } from './notify-user.runner.js';
import { SendEmailRunner } from './send-email.runner.js';
import { SetVariablesRunner } from './set-variables.runner.js';
import { StartContactPlanRunner } from './start-contact-plan.runner.js';
import { StartProcessRunner } from './start-process.runner.js';

@Injectable()
export class ActionRunners {
  private readonly byType: ReadonlyMap<ActionType, ActionRunner>;

  constructor(
    setVariables: SetVariablesRunner,
    notifyUser: NotifyUserRunner,
    startProcess: StartProcessRunner,
    createTask: CreateTaskRunner,
    sendEmail: SendEmailRunner,
    callWebhook: CallWebhookRunner,
    startContactPlan: StartContactPlanRunner,
  ) {
    const runners = [setVariables, notifyUser, startProcess, createTask, sendEmail, callWebhook, startContactPlan] as ActionRunner[];
    this.byType = new Map(runners.map((runner) => [runner.type, runner]));
  }

  get(type: ActionType): ActionRunner | undefined {
    return this.byType.get(type);
  }
}
