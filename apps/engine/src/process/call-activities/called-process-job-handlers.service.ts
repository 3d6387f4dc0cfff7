// The jobs of call activities. Each tolerates running twice and running late:
// - start: only a `pending` call starts a child (the child's INSERT flips it to `started` in the
//   same statement); a process key nobody deployed is an incident on the parent at the call
//   activity, and its retry queues the start again;
// - escalate: throws the child's undelivered escalations at the call activity
//   (escalateCalledProcess), oldest first; each delivery writes its row in the parent's
//   statement, so a second delivery fails on its primary key and changes nothing;
// - complete / fail: deliver the child's escalations first (the parent hears of them before
//   the end, whatever order the jobs run in), then run completeCalledProcess /
//   failCalledProcess on the parent, which the interpreter refuses (a no-op here) when the call
//   no longer waits; a failed child is then terminated;
// - cancel: cancels the child, whose own end cancels its children in turn (down the tree).
import { Injectable, Logger } from '@nestjs/common';
import type { Command, Variables } from '@stageflow/bpmn-runtime';
import { isUniqueViolation } from '../../platform/database/unique-violation.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import {
  CANCEL_CALLED_PROCESS_TASK,
  COMPLETE_CALLED_PROCESS_TASK,
  ESCALATE_CALLED_PROCESS_TASK,
  FAIL_CALLED_PROCESS_TASK,
  START_CALLED_PROCESS_TASK,
} from '../correlation/correlation-jobs.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import { JobHandlerRegistry, type JobContext } from '../../platform/jobs/job-handler-registry.js';
import { Conflict, NotFound } from '../../platform/errors/domain-errors.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { stringField } from '../messages/message-job-handlers.service.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { CalledProcessStoreRepository } from './called-process-store.repository.js';

/** Whether `error` is one of the expected kinds, which a handler answers without failing the job. */
function isOneOf(error: unknown, ...kinds: (typeof NotFound | typeof Conflict)[]): boolean {
  return kinds.some((kind) => error instanceof kind);
}

@Injectable()
export class CalledProcessJobHandlers {
  private readonly log = new Logger('CallActivities');

  constructor(
    registry: JobHandlerRegistry,
    private readonly store: CalledProcessStoreRepository,
    private readonly commands: InstanceCommandsService,
    private readonly definitions: ProcessDefinitionsService,
    private readonly incidents: IncidentsService,
    private readonly instances: ProcessInstancesRepository,
  ) {
    registry.register(START_CALLED_PROCESS_TASK, (payload, context) => this.start(payload, context));
    registry.register(COMPLETE_CALLED_PROCESS_TASK, (payload) => this.complete(payload));
    registry.register(FAIL_CALLED_PROCESS_TASK, (payload) => this.fail(payload));
    registry.register(ESCALATE_CALLED_PROCESS_TASK, (payload) => this.escalate(payload));
    registry.register(CANCEL_CALLED_PROCESS_TASK, (payload) => this.cancel(payload));
  }

  private async start(payload: JobPayload, context: JobContext): Promise<void> {
    const callId = stringField(payload, 'callId');
    const parentInstanceId = stringField(payload, 'processInstanceId');
    const call = await this.store.call(callId);
    if (!call || call.state !== 'pending') return; // started by an earlier run, or cancelled first
    const processKey = stringField(payload, 'processKey');
    try {
      await this.definitions.latestByKey(processKey);
    } catch (error) {
      if (!isOneOf(error, NotFound)) throw error;
      await this.incidents.raiseForElement({
        id: uuidFrom(`call-incident\u0000${callId}\u0000${context.jobId}`),
        processInstanceId: parentInstanceId,
        elementId: call.elementId,
        message: `call activity "${call.elementId}" calls process "${processKey}", which is not deployed; deploy it, then retry this incident`,
        job: { task: START_CALLED_PROCESS_TASK, payload, key: context.key },
      });
      return;
    }
    const variables = (typeof payload.variables === 'object' && payload.variables !== null ? payload.variables : {}) as Variables;
    const businessKey = typeof payload.businessKey === 'string' ? payload.businessKey : undefined;
    try {
      await this.commands.start(processKey, { variables, businessKey, parent: { instanceId: parentInstanceId, callId } }, ENGINE_ACTOR);
    } catch (error) {
      // Another run started the child (the parent call index), or the call was cancelled meanwhile.
      if ((error as { code?: unknown }).code === '23505') return;
      if (isOneOf(error, Conflict) && (await this.store.call(callId))?.state !== 'pending') return;
      throw error;
    }
  }

  private async complete(payload: JobPayload): Promise<void> {
    await this.deliverEscalations(payload);
    const childInstanceId = stringField(payload, 'childInstanceId');
    const variables = (await this.instances.variablesOf(childInstanceId)) ?? {};
    await this.runOnParent(payload, { type: 'completeCalledProcess', callId: stringField(payload, 'callId'), variables });
  }

  private async fail(payload: JobPayload): Promise<void> {
    await this.deliverEscalations(payload);
    const message = typeof payload.message === 'string' ? payload.message : undefined;
    await this.runOnParent(payload, {
      type: 'failCalledProcess',
      callId: stringField(payload, 'callId'),
      errorCode: stringField(payload, 'errorCode'),
      ...(message === undefined ? {} : { message }),
    });
    await this.cancelInstance(stringField(payload, 'childInstanceId'));
  }

  private async escalate(payload: JobPayload): Promise<void> {
    await this.deliverEscalations(payload);
  }

  /** Throws each undelivered escalation of the call's child at the call activity, oldest first. */
  private async deliverEscalations(payload: JobPayload): Promise<void> {
    const parentInstanceId = stringField(payload, 'processInstanceId');
    const callId = stringField(payload, 'callId');
    for (const escalation of await this.store.undeliveredEscalations(callId)) {
      try {
        const command: Command = { type: 'escalateCalledProcess', callId, escalationCode: escalation.escalationCode };
        const outcome = await this.commands.run(parentInstanceId, command, ENGINE_ACTOR, {
          rejected: 'ignore',
          aborted: 'throw',
          deliveredEscalationId: escalation.id,
        });
        if (outcome.kind === 'rejected') {
          // The call no longer waits (an interrupting boundary took it, the parent ended): no later one can land either.
          this.log.debug(`escalation ${escalation.escalationCode} of call ${callId}: nothing to do (${outcome.message})`);
          return;
        }
      } catch (error) {
        // A second delivery of this escalation (a job that ran twice, or two jobs at once).
        if (isUniqueViolation(error, 'called_process_escalation_deliveries_pkey')) continue;
        if (isOneOf(error, NotFound)) return;
        throw error;
      }
    }
  }

  private async cancel(payload: JobPayload): Promise<void> {
    await this.cancelInstance(stringField(payload, 'processInstanceId'));
  }

  private async runOnParent(payload: JobPayload, command: Command): Promise<void> {
    const parentInstanceId = stringField(payload, 'processInstanceId');
    try {
      const outcome = await this.commands.run(parentInstanceId, command, ENGINE_ACTOR, { rejected: 'ignore', aborted: 'throw' });
      if (outcome.kind === 'rejected') this.log.debug(`${command.type} on ${parentInstanceId}: nothing to do (${outcome.message})`);
    } catch (error) {
      if (isOneOf(error, NotFound)) return;
      throw error;
    }
  }

  /** Cancels an instance the engine owns; one that has already ended is left as it is. */
  private async cancelInstance(instanceId: string): Promise<void> {
    try {
      await this.commands.cancel(instanceId, ENGINE_ACTOR);
    } catch (error) {
      if (isOneOf(error, NotFound, Conflict)) return;
      throw error;
    }
  }
}
