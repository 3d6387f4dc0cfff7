// The handlers of the engine's own jobs: a timer firing and an async continuation both run a
// command on their instance. A command the instance no longer accepts (the timer was cancelled
// or already fired, the instance ended) is a no-op, not a failure: jobs are delivered at least
// once, and the instance's version check makes the effect happen once.
import { Injectable, Logger } from '@nestjs/common';
import type { Command } from '@stageflow/bpmn-runtime';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { ENGINE_ACTOR, InstanceCommandsService } from './instance-commands.service.js';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import { CONTINUE_ASYNC_TASK, FIRE_TIMER_TASK } from './engine-jobs.js';
import { START_TIMER_TASK, nextStartTimerJob, startTimerInstanceId, timerStarts, type StartTimerPayload } from '../timers/timer-start-jobs.js';
import { JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';

function stringField(payload: JobPayload, key: string): string {
  const value = payload[key];
  if (typeof value !== 'string' || value.length === 0) throw new Error(`job payload has no ${key}`);
  return value;
}

@Injectable()
export class EngineJobHandlers {
  private readonly log = new Logger('Jobs');

  constructor(
    registry: JobHandlerRegistry,
    private readonly commands: InstanceCommandsService,
    private readonly definitions: ProcessDefinitionsService,
    private readonly clock: DatabaseClock,
  ) {
    registry.register(FIRE_TIMER_TASK, (payload) => this.runOnInstance(payload, { type: 'fireTimer', timerId: stringField(payload, 'timerId') }));
    registry.register(CONTINUE_ASYNC_TASK, (payload) =>
      this.runOnInstance(payload, { type: 'continueAsync', continuationId: stringField(payload, 'continuationId') }),
    );
    registry.register(START_TIMER_TASK, (payload) => this.startByTimer(payload));
  }

  /** One firing of a timer start event: its instance and the next firing, in one statement. */
  private async startByTimer(payload: JobPayload): Promise<void> {
    const firedCount = payload.firedCount;
    if (typeof firedCount !== 'number' || !Number.isInteger(firedCount) || firedCount < 0) throw new Error('job payload has no firedCount');
    const firing: StartTimerPayload = {
      definitionId: stringField(payload, 'definitionId'),
      elementId: stringField(payload, 'elementId'),
      dueAt: stringField(payload, 'dueAt'),
      firedCount,
    };
    const definition = await this.definitions.get(firing.definitionId);
    const start = timerStarts(await this.definitions.graph(firing.definitionId)).find((candidate) => candidate.elementId === firing.elementId);
    if (!start) throw new Error(`process definition ${firing.definitionId} has no timer start event ${firing.elementId}`);
    const next = nextStartTimerJob(firing, start.timer, this.clock.now());
    const outcome = await this.commands.startPinned(
      { id: definition.id, key: definition.key, version: definition.version },
      { startEventId: firing.elementId },
      { instanceId: startTimerInstanceId(firing), jobs: next ? [next] : [] },
    );
    if (outcome.kind !== 'started')
      this.log.debug(`timer start ${firing.elementId} of ${definition.key} v${definition.version} due ${firing.dueAt}: ${outcome.kind}`);
  }

  private async runOnInstance(payload: JobPayload, command: Command): Promise<void> {
    const instanceId = stringField(payload, 'processInstanceId');
    try {
      const outcome = await this.commands.run(instanceId, command, ENGINE_ACTOR, { rejected: 'ignore', aborted: 'throw' });
      if (outcome.kind === 'rejected') this.log.debug(`${command.type} on ${instanceId}: nothing to do (${outcome.message})`);
    } catch (error) {
      // The instance is gone (its database was reset): nothing can be done, and retrying will not help.
      if (error instanceof NotFound) return;
      throw error;
    }
  }
}
