// Signals are broadcasts: every instance with an open subscription of the name gets it
// (deliverSignal, one job per instance) and every latest-version signal start event starts an
// instance (one job each). The fan-out is one statement; the jobs do the work.
import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import { isUniqueViolation } from '../../platform/database/unique-violation.js';
import { BROADCAST_SIGNAL_TASK, DELIVER_SIGNAL_TASK, START_BY_SIGNAL_TASK } from '../correlation/correlation-jobs.js';
import { ENGINE_ACTOR, InstanceCommandsService, type Actor } from '../execution/instance-commands.service.js';
import { JobHandlerRegistry, type JobContext } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { stringField } from '../messages/message-job-handlers.service.js';
import { SignalStoreRepository } from './signal-store.repository.js';

export interface BroadcastResult {
  signalId: string;
  name: string;
  /** Instances with an open subscription of the signal: each gets a deliverSignal job. */
  deliveries: number;
  /** Latest-version signal start events: each starts one instance. */
  starts: number;
}

function variablesField(payload: JobPayload): Variables {
  const value = payload.variables;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Variables) : {};
}

/**
 * The id of the instance a broadcast starts at one start event: the same for every run of the
 * job, so a job that runs twice hits the primary key instead of starting a second instance.
 */
export function signalStartInstanceId(broadcastId: string, definitionKey: string, startEventId: string): string {
  const hex = createHash('sha256').update(`${broadcastId}\u0000${definitionKey}\u0000${startEventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

@Injectable()
export class SignalsService {
  private readonly log = new Logger('Signals');

  constructor(
    registry: JobHandlerRegistry,
    private readonly store: SignalStoreRepository,
    private readonly commands: InstanceCommandsService,
  ) {
    registry.register(BROADCAST_SIGNAL_TASK, (payload, context) => this.broadcastFromInstance(payload, context));
    registry.register(DELIVER_SIGNAL_TASK, (payload) => this.deliver(payload));
    registry.register(START_BY_SIGNAL_TASK, (payload) => this.startBySignal(payload));
  }

  async broadcast(name: string, variables: Variables, actor: Actor): Promise<BroadcastResult> {
    const signalId = randomUUID();
    const counts = await this.store.broadcast({ id: signalId, name, variables, sourceInstanceId: null, publishedBy: actor.username });
    return { signalId, name, deliveries: counts.instances, starts: counts.starts };
  }

  /** A signal end/throw event: the same broadcast, identified by the job so that a rerun adds nothing. */
  private async broadcastFromInstance(payload: JobPayload, context: JobContext): Promise<void> {
    const source = typeof payload.sourceInstanceId === 'string' ? payload.sourceInstanceId : null;
    await this.store.broadcast({
      id: `job:${context.jobId}`,
      name: stringField(payload, 'signalName'),
      variables: variablesField(payload),
      sourceInstanceId: source,
      publishedBy: ENGINE_ACTOR.username,
    });
  }

  /**
   * deliverSignal on one instance, recording the (broadcast, instance) delivery in the command's
   * statement: a job that runs again (at least once) finds the key taken, its statement writes
   * nothing, and the run is done — a non-interrupting boundary does not start twice.
   */
  private async deliver(payload: JobPayload): Promise<void> {
    const instanceId = stringField(payload, 'processInstanceId');
    const signalName = stringField(payload, 'signalName');
    const broadcastId = stringField(payload, 'broadcastId');
    try {
      const outcome = await this.commands.run(instanceId, { type: 'deliverSignal', signalName, variables: variablesField(payload) }, ENGINE_ACTOR, {
        rejected: 'ignore',
        aborted: 'throw',
        deliveredSignalBroadcastId: broadcastId,
      });
      if (outcome.kind === 'rejected') this.log.debug(`signal ${signalName} on ${instanceId}: nothing to do (${outcome.message})`);
    } catch (error) {
      if (error instanceof NotFound) return;
      // Delivered by an earlier run of this job (or one running at the same time).
      if (isUniqueViolation(error, 'signal_deliveries_pkey')) {
        this.log.debug(`signal ${signalName} (broadcast ${broadcastId}) on ${instanceId}: delivered already`);
        return;
      }
      throw error;
    }
  }

  private async startBySignal(payload: JobPayload): Promise<void> {
    const definitionKey = stringField(payload, 'definitionKey');
    const startEventId = stringField(payload, 'startEventId');
    const instanceId = signalStartInstanceId(stringField(payload, 'broadcastId'), definitionKey, startEventId);
    try {
      await this.commands.start(definitionKey, { variables: variablesField(payload), startEventId, instanceId }, ENGINE_ACTOR);
    } catch (error) {
      // Started by an earlier run of this job.
      if ((error as { code?: unknown }).code === '23505') return;
      // A newer version without that start event was deployed since the broadcast: it no longer starts.
      if (error instanceof NotFound || error instanceof Conflict || error instanceof Invalid) {
        this.log.warn(`signal start of ${definitionKey} at ${startEventId} skipped: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}
