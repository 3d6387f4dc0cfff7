// Runs the action a service task requested (job stageflow.run-action, see action-jobs.ts):
// 1. a run recorded under the idempotency key `<instanceId>:<actionId>` is not run again: its
//    outcome is reported (the job may have failed after the run committed);
// 2. a task that no longer waits for the action (interrupted, cancelled) runs nothing;
// 3. otherwise the LATEST version of the action template is rendered over the variables the
//    task saw, and its runner runs in one transaction with the run's row (ActionRunsRepository);
// 4. the outcome goes to the instance as completeAction or failAction (a command the
//    interpreter refuses because the task moved on is a no-op).
// A template that is gone or fails to render, or a type without a runner, is an incident on
// the instance at the task (not retried blindly: the same input fails the same way); its retry
// queues the job again.
import { Injectable, Logger } from '@nestjs/common';
import { tokensOf, type Command } from '@stageflow/bpmn-runtime';
import type { JsonObject } from '@stageflow/process-package';
import { renderAction } from '@stageflow/rules';
import { ActionTemplateVersions } from '../action-templates/action-template-versions.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { InstanceStoreRepository } from '../execution/instance-store.repository.js';
import { JobHandlerRegistry, type JobContext } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { stringField } from '../messages/message-job-handlers.service.js';
import { LiquidTemplates } from '../templates/liquid-templates.js';
import { actionRunKey, RUN_ACTION_TASK } from './action-jobs.js';
import type { ActionOutcome } from './action-runner.js';
import { ActionRunners } from './action-runners.js';
import { ActionRunsRepository } from './action-runs.repository.js';
import { InstanceParameters } from '../packages/instance-parameters.js';

@Injectable()
export class ActionJobHandlers {
  private readonly log = new Logger('Actions');

  constructor(
    registry: JobHandlerRegistry,
    private readonly runs: ActionRunsRepository,
    private readonly runners: ActionRunners,
    private readonly versions: ActionTemplateVersions,
    private readonly templates: LiquidTemplates,
    private readonly instances: InstanceStoreRepository,
    private readonly commands: InstanceCommandsService,
    private readonly incidents: IncidentsService,
    private readonly parameters: InstanceParameters,
  ) {
    registry.register(RUN_ACTION_TASK, (payload, context) => this.run(payload, context));
  }

  private async run(payload: JobPayload, context: JobContext): Promise<void> {
    const processInstanceId = stringField(payload, 'processInstanceId');
    const actionId = stringField(payload, 'actionId');
    const elementId = stringField(payload, 'elementId');
    const actionKey = stringField(payload, 'actionKey');
    const variables = (typeof payload.variables === 'object' && payload.variables !== null ? payload.variables : {}) as JsonObject;
    const idempotencyKey = actionRunKey(processInstanceId, actionId);

    let outcome = await this.runs.outcome(idempotencyKey);
    if (outcome === undefined) {
      const instance = await this.instances.loadInstance(processInstanceId);
      if (!instance || !tokensOf(instance.state).some((token) => token.actionId === actionId)) {
        this.log.debug(`action ${actionKey} of ${processInstanceId}/${elementId}: the task no longer waits; nothing run`);
        return;
      }
      const problem = (message: string) =>
        this.raiseIncident(payload, context, processInstanceId, elementId, `service task "${elementId}" could not run action "${actionKey}": ${message}`);
      const version = await this.versions.latest(actionKey);
      if (!version) return problem('no action template with this key is deployed');
      const runner = this.runners.get(version.template.action.type);
      if (!runner) return problem(`actions of type ${version.template.action.type} cannot run on this engine yet`);
      // Templates see the instance's package parameters as `params` (instance-parameters.ts).
      const { params } = await this.parameters.forInstance(instance.parameters);
      const rendered = renderAction(version.template.action, await this.templates.renderer(), { ...variables, params: params as JsonObject });
      if (!rendered.ok) return problem(`version ${version.version}: action.${rendered.field} could not be rendered (${rendered.message})`);
      outcome = await this.runs.runOnce(
        idempotencyKey,
        { processInstanceId, elementId, actionKey, source: { actionTemplateId: version.id }, actionType: rendered.action.type },
        (tx) => runner.run(rendered.action as never, { tx, idempotencyKey, processInstanceId, elementId, variables }),
      );
    }
    await this.report(processInstanceId, actionId, outcome);
  }

  private async report(processInstanceId: string, actionId: string, outcome: ActionOutcome): Promise<void> {
    const command: Command =
      outcome.kind === 'completed'
        ? { type: 'completeAction', actionId, ...(outcome.variables === undefined ? {} : { variables: outcome.variables }) }
        : { type: 'failAction', actionId, errorCode: outcome.errorCode, ...(outcome.message === undefined ? {} : { message: outcome.message }) };
    try {
      const result = await this.commands.run(processInstanceId, command, ENGINE_ACTOR, { rejected: 'ignore', aborted: 'throw' });
      if (result.kind === 'rejected') this.log.debug(`${command.type} on ${processInstanceId}: nothing to do (${result.message})`);
    } catch (error) {
      if (error instanceof NotFound) return;
      throw error;
    }
  }

  private async raiseIncident(payload: JobPayload, context: JobContext, processInstanceId: string, elementId: string, message: string): Promise<void> {
    // One incident per job attempt that found the problem (a retried incident that fails again gets a new one).
    const id = uuidFrom(`action-incident\u0000${processInstanceId}\u0000${String(payload.actionId)}\u0000${context.jobId}`);
    await this.incidents.raiseForElement({
      id,
      processInstanceId: processInstanceId,
      elementId,
      message,
      job: { task: RUN_ACTION_TASK, payload, key: context.key },
    });
  }
}
