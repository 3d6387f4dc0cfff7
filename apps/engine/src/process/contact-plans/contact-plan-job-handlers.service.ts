// Runs one step of a contact plan (job stageflow.run-contact-plan-step, see contact-plan-jobs.ts):
// 1. a step recorded under its idempotency key `<instanceId>:contact-plan:<planKey>:<stepId>`
//    is not run again (a retried job, another node);
// 2. the step's action (of the plan version that started) is rendered over the instance's
//    variables as they are NOW (a day-7 e-mail sees what the seller learnt meanwhile), and its
//    runner (the action runners of service tasks: createTask, sendEmail, …) runs in one
//    transaction with the run's record (ActionRunsRepository) and a history row;
// 3. in that transaction the instance row is read FOR SHARE first: the step of an instance that
//    has ended (completed, terminated, cancelled) runs nothing, and the instance cannot end
//    while the step's writes are being made.
// A business error of the runner (e.g. an empty recipient) has no task to throw at: it is kept
// in history (`contact-plan-step-failed`). A plan version or step that is gone, a field that
// cannot be rendered or a type without a runner is an incident on the instance (its retry
// queues the job again).
import { Injectable, Logger } from '@nestjs/common';
import type { JsonObject } from '@stageflow/process-package';
import { renderAction } from '@stageflow/rules';
import { ActionRunners } from '../actions/action-runners.js';
import { ActionRunsRepository } from '../actions/action-runs.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { JobHandlerRegistry, type JobContext } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { stringField } from '../messages/message-job-handlers.service.js';
import { LiquidTemplates } from '../templates/liquid-templates.js';
import { contactPlanStepRunKey, RUN_CONTACT_PLAN_STEP_TASK, type ContactPlanStepRef } from './contact-plan-jobs.js';
import { ContactPlanVersions } from './contact-plan-versions.js';
import { HistoryRepository } from '../process-instances/history.repository.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { InstanceParameters } from '../packages/instance-parameters.js';

const ENDED = new Set(['completed', 'terminated', 'cancelled']);

/** The note of a step that was not run (its instance had ended): how progress tells it from a run. */
export const STEP_NOT_RUN = 'not run: ';

@Injectable()
export class ContactPlanJobHandlers {
  private readonly log = new Logger('ContactPlans');

  constructor(
    registry: JobHandlerRegistry,
    private readonly versions: ContactPlanVersions,
    private readonly runs: ActionRunsRepository,
    private readonly runners: ActionRunners,
    private readonly templates: LiquidTemplates,
    private readonly incidents: IncidentsService,
    private readonly instances: ProcessInstancesRepository,
    private readonly history: HistoryRepository,
    private readonly parameters: InstanceParameters,
  ) {
    registry.register(RUN_CONTACT_PLAN_STEP_TASK, (payload, context) => this.run(payload, context));
  }

  private async run(payload: JobPayload, context: JobContext): Promise<void> {
    const ref: ContactPlanStepRef = {
      processInstanceId: stringField(payload, 'processInstanceId'),
      planKey: stringField(payload, 'planKey'),
      contactPlanId: stringField(payload, 'contactPlanId'),
      stepId: stringField(payload, 'stepId'),
      elementId: stringField(payload, 'elementId'),
    };
    const idempotencyKey = contactPlanStepRunKey(ref);
    if ((await this.runs.outcome(idempotencyKey)) !== undefined) return;
    const problem = (message: string) =>
      this.raiseIncident(payload, context, ref, `contact plan "${ref.planKey}" step "${ref.stepId}" could not run: ${message}`);
    const version = await this.versions.byId(ref.contactPlanId);
    const step = version?.plan.steps.find((candidate) => candidate.id === ref.stepId);
    if (!version || !step) return problem('the plan version or the step is not deployed');
    const runner = this.runners.get(step.action.type);
    if (!runner) return problem(`actions of type ${step.action.type} cannot run on this engine yet`);
    const renderer = await this.templates.renderer();
    const outcome = await this.runs
      .runOnce(
        idempotencyKey,
        {
          processInstanceId: ref.processInstanceId,
          elementId: ref.elementId,
          actionKey: `${ref.planKey}/${ref.stepId}`,
          source: { contactPlanId: version.id },
          actionType: step.action.type,
        },
        async (tx) => {
          const instance = await this.instances.lockForShare(ref.processInstanceId, tx);
          const history = (event: `contact-plan-${string}`, details: object) =>
            this.history.append(
              [
                {
                  processInstanceId: ref.processInstanceId,
                  elementId: ref.elementId,
                  elementType: null,
                  event,
                  payload: { plan: ref.planKey, version: version.version, stepId: ref.stepId, actionType: step.action.type, ...details },
                },
              ],
              tx,
            );
          if (!instance) return { kind: 'completed', note: `${STEP_NOT_RUN}the instance is gone` };
          if (ENDED.has(instance.status)) {
            const note = `${STEP_NOT_RUN}the instance is ${instance.status}`;
            await history('contact-plan-step-skipped', { note });
            return { kind: 'completed', note };
          }
          const variables = instance.variables ?? {};
          // Templates see the instance's package parameters as `params` (instance-parameters.ts).
          const { params } = await this.parameters.forInstance(instance.parameters);
          const rendered = renderAction(step.action, renderer, { ...variables, params: params as JsonObject });
          if (!rendered.ok)
            throw new StepNotRenderable(`version ${version.version}: steps.${ref.stepId}.action.${rendered.field} could not be rendered (${rendered.message})`);
          const result = await runner.run(rendered.action as never, {
            tx,
            idempotencyKey,
            processInstanceId: ref.processInstanceId,
            elementId: ref.elementId,
            variables,
          });
          await history(result.kind === 'completed' ? 'contact-plan-step-ran' : 'contact-plan-step-failed', result);
          return result;
        },
      )
      .catch((error: unknown) => {
        if (error instanceof StepNotRenderable) return error;
        throw error;
      });
    if (outcome instanceof StepNotRenderable) return problem(outcome.message);
    this.log.debug(`contact plan ${ref.planKey} step ${ref.stepId} of ${ref.processInstanceId}: ${outcome.kind}`);
  }

  private async raiseIncident(payload: JobPayload, context: JobContext, ref: ContactPlanStepRef, message: string): Promise<void> {
    // One incident per job attempt that found the problem (a retried incident that fails again gets a new one).
    const id = uuidFrom(`contact-plan-incident\u0000${contactPlanStepRunKey(ref)}\u0000${context.jobId}`);
    await this.incidents.raiseForElement({
      id,
      processInstanceId: ref.processInstanceId,
      elementId: ref.elementId,
      message,
      job: { task: RUN_CONTACT_PLAN_STEP_TASK, payload, key: context.key },
    });
  }
}

/** A render failure inside the run's transaction: rolls it back (no run recorded) and becomes an incident. */
class StepNotRenderable extends Error {}
