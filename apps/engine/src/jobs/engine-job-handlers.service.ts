// The handlers of the engine's own jobs: a timer firing and an async continuation both run a
// command on their instance. A command the instance no longer accepts (the timer was cancelled
// or already fired, the instance ended) is a no-op, not a failure: jobs are delivered at least
// once, and the instance's version check makes the effect happen once.
import { Injectable, Logger } from '@nestjs/common';
import type { Command } from '@stageflow/bpmn-runtime';
import { ApiError } from '../common/api-error.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { CONTINUE_ASYNC_TASK, FIRE_TIMER_TASK } from './engine-jobs.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import type { JobPayload } from './job-request.js';

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
  ) {
    registry.register(FIRE_TIMER_TASK, (payload) => this.runOnInstance(payload, { type: 'fireTimer', timerId: stringField(payload, 'timerId') }));
    registry.register(CONTINUE_ASYNC_TASK, (payload) =>
      this.runOnInstance(payload, { type: 'continueAsync', continuationId: stringField(payload, 'continuationId') }),
    );
  }

  private async runOnInstance(payload: JobPayload, command: Command): Promise<void> {
    const instanceId = stringField(payload, 'processInstanceId');
    try {
      const outcome = await this.commands.run(instanceId, command, ENGINE_ACTOR, { rejected: 'ignore', aborted: 'throw' });
      if (outcome.kind === 'rejected') this.log.debug(`${command.type} on ${instanceId}: nothing to do (${outcome.message})`);
    } catch (error) {
      // The instance is gone (its database was reset): nothing can be done, and retrying will not help.
      if (error instanceof ApiError && error.getStatus() === 404) return;
      throw error;
    }
  }
}
