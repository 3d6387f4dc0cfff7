// Runs the `actions` rule sets on one process event (job stageflow.process-event, see
// process-events.ts). For the latest version of every actions rule set, the rules whose result
// is `on` this event are evaluated (by the rule set's hit policy) with the instance's variables
// as they are now and the fact `event` ({name, elementId?, stage?, taskId?, taskName?,
// outcome?}); each action of each matching result then runs like a service task's, rendered
// over the same variables, in its own transaction with its run record (idempotency key
// `<instanceId>:event:<eventId>:<ruleSetKey>:<ruleId>:<index>`), so a retried job runs nothing
// twice. There is no task to answer: a setVariables outcome becomes a setVariables command on
// the instance; a business error is kept in history (`action-failed`, with the rule). A field
// that cannot be rendered or a type without a runner is an incident on the instance; its retry
// queues the event again (runs already recorded are not repeated).
import { Injectable, Logger } from '@nestjs/common';
import type { JsonObject, RuleAction } from '@stageflow/process-package';
import { renderAction, variablesFactResolver } from '@stageflow/rules';
import { ActionRunners } from '../actions/action-runners.js';
import type { ActionOutcome } from '../actions/action-runner.js';
import { ActionRunsRepository } from '../actions/action-runs.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { JobHandlerRegistry, type JobContext } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { stringField } from '../messages/message-job-handlers.service.js';
import { LiquidTemplates } from '../templates/liquid-templates.js';
import { HistoryRepository } from '../process-instances/history.repository.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { UserTasksRepository } from '../tasks/user-tasks.repository.js';
import { ActionsRuleSets } from './actions-rule-sets.js';
import { PROCESS_EVENT_TASK, type ProcessEvent } from './process-events.js';
import { InstanceParameters } from '../packages/instance-parameters.js';

const ENDED = new Set(['completed', 'terminated', 'cancelled']);

@Injectable()
export class ProcessEventJobHandlers {
  private readonly log = new Logger('ProcessEvents');

  constructor(
    registry: JobHandlerRegistry,
    private readonly instances: ProcessInstancesRepository,
    private readonly tasks: UserTasksRepository,
    private readonly history: HistoryRepository,
    private readonly ruleSets: ActionsRuleSets,
    private readonly runs: ActionRunsRepository,
    private readonly runners: ActionRunners,
    private readonly templates: LiquidTemplates,
    private readonly commands: InstanceCommandsService,
    private readonly incidents: IncidentsService,
    private readonly parameters: InstanceParameters,
  ) {
    registry.register(PROCESS_EVENT_TASK, (payload, context) => this.run(payload, context));
  }

  private async run(payload: JobPayload, context: JobContext): Promise<void> {
    const processInstanceId = stringField(payload, 'processInstanceId');
    const eventId = stringField(payload, 'eventId');
    const event = payload.event as ProcessEvent;
    const ruleSets = await this.ruleSets.forEvent(event.name);
    if (ruleSets.length === 0) return;
    if (event.name === 'taskOverdue' && !(await this.stillOpen(event.taskId))) return;
    const instance = await this.instances.variablesNow(processInstanceId);
    if (!instance) return;
    // `params`: the instance's package parameters (instance-parameters.ts), for conditions and templates alike.
    const { params } = await this.parameters.forInstance(instance.parameters);
    const facts = { ...(instance.variables as JsonObject), event: event as unknown as JsonObject, params: params as JsonObject };
    const renderer = await this.templates.renderer();
    for (const ruleSet of ruleSets) {
      const decision = ruleSet.compiled.decide(variablesFactResolver(facts), instance.now);
      const ruleIds = decision.usedFallback ? ['fallback'] : decision.matchedRuleIds;
      for (const [index, result] of decision.results.entries()) {
        const ruleId = ruleIds[index] ?? 'fallback';
        const actions = (result as unknown as { actions: RuleAction[] }).actions;
        for (const [position, action] of actions.entries()) {
          const where = `actions rule set "${ruleSet.key}" (version ${ruleSet.version}) rule "${ruleId}" action ${position}`;
          // An action of a process that has ended meanwhile may still be wanted (processEnded
          // actions run after the end), except what needs the instance to go on.
          if (ENDED.has(instance.status) && action.type === 'setVariables') continue;
          const runner = this.runners.get(action.type);
          if (!runner)
            return this.raiseIncident(payload, context, processInstanceId, event, `${where}: actions of type ${action.type} cannot run on this engine yet`);
          const rendered = renderAction(action, renderer, facts);
          if (!rendered.ok)
            return this.raiseIncident(payload, context, processInstanceId, event, `${where}: ${rendered.field} could not be rendered (${rendered.message})`);
          const idempotencyKey = `${processInstanceId}:event:${eventId}:${ruleSet.key}:${ruleId}:${position}`;
          const elementId = event.elementId ?? `${ruleSet.key}/${ruleId}`;
          const outcome = await this.runs.runOnce(
            idempotencyKey,
            { processInstanceId, elementId, actionKey: `${ruleSet.key}/${ruleId}`, source: { ruleSetId: ruleSet.id }, actionType: action.type },
            async (tx) => {
              const ran = await runner.run(rendered.action as never, { tx, idempotencyKey, processInstanceId, elementId, variables: facts });
              if (ran.kind === 'failed') {
                await this.history.append(
                  [
                    {
                      processInstanceId,
                      elementId: event.elementId ?? null,
                      elementType: null,
                      event: 'action-failed',
                      payload: {
                        ruleSet: ruleSet.key,
                        version: ruleSet.version,
                        ruleId,
                        event: event.name,
                        errorCode: ran.errorCode,
                        message: ran.message ?? null,
                      },
                    },
                  ],
                  tx,
                );
              }
              return ran;
            },
          );
          await this.applyVariables(processInstanceId, outcome);
        }
      }
    }
  }

  /** taskOverdue: only a task that is still open when it comes due is overdue. */
  private async stillOpen(taskId: string | undefined): Promise<boolean> {
    if (taskId === undefined) return false;
    return (await this.tasks.byId(taskId))?.state === 'created';
  }

  /** A setVariables outcome reaches the instance as a command of its own. */
  private async applyVariables(processInstanceId: string, outcome: ActionOutcome): Promise<void> {
    if (outcome.kind !== 'completed' || outcome.variables === undefined) return;
    try {
      const result = await this.commands.run(processInstanceId, { type: 'setVariables', variables: outcome.variables }, ENGINE_ACTOR, {
        rejected: 'ignore',
        aborted: 'throw',
      });
      if (result.kind === 'rejected') this.log.debug(`setVariables on ${processInstanceId}: nothing to do (${result.message})`);
    } catch (error) {
      if (error instanceof NotFound) return;
      throw error;
    }
  }

  private async raiseIncident(payload: JobPayload, context: JobContext, processInstanceId: string, event: ProcessEvent, message: string): Promise<void> {
    const id = uuidFrom(`process-event-incident\u0000${String(payload.eventId)}\u0000${context.jobId}`);
    await this.incidents.raiseForElement({
      id,
      processInstanceId: processInstanceId,
      elementId: event.elementId ?? null,
      message,
      job: { task: PROCESS_EVENT_TASK, payload, key: context.key },
    });
  }
}
