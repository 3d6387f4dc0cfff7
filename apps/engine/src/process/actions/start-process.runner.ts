// startProcess: starts the latest version of `processKey` with the rendered variables only (a
// started process is its own case: what it needs is passed in `variables`, nothing is copied
// implicitly). The new instance's id is derived from the run's idempotency key, so a run
// that is repeated (the start committed, the run's own transaction did not) finds the instance
// already there and does not start a second one. The start is its own command (one statement,
// like every start); the run's row records the started id.
//
// `businessKey` (rendered) names the record the new instance is about, as a record process's key
// does (`organization:<id>`): the instance sees it as `record.*` and record actions change it.
// Rendered empty (a deal without an organization), the instance has no business key.
import { Injectable } from '@nestjs/common';
import type { StartProcessAction } from '@stageflow/process-package';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { INVALID_ACTION_INPUT, UNKNOWN_PROCESS } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

/** As for a start through the API (StartInstanceRequest's businessKey). */
const MAX_BUSINESS_KEY = 255;

@Injectable()
export class StartProcessRunner implements ActionRunner<'startProcess'> {
  readonly type = 'startProcess' as const;

  constructor(private readonly commands: InstanceCommandsService) {}

  async run(action: StartProcessAction, context: ActionRunContext): Promise<ActionOutcome> {
    const instanceId = uuidFrom(`start-process\u0000${context.idempotencyKey}`);
    const businessKey = action.businessKey?.trim() ?? '';
    if (businessKey.length > MAX_BUSINESS_KEY)
      return {
        kind: 'failed',
        errorCode: INVALID_ACTION_INPUT,
        message: `startProcess: the businessKey is ${businessKey.length} characters long (at most ${MAX_BUSINESS_KEY})`,
      };
    try {
      await this.commands.start(
        action.processKey,
        { variables: action.variables ?? {}, instanceId, ...(businessKey === '' ? {} : { businessKey }) },
        ENGINE_ACTOR,
      );
    } catch (error) {
      if (error instanceof NotFound)
        return { kind: 'failed', errorCode: UNKNOWN_PROCESS, message: `startProcess: no process "${action.processKey}" is deployed` };
      // Started by an earlier run of this action: the derived id is taken.
      if (!((error as { code?: unknown }).code === '23505' && (error as { constraint?: unknown }).constraint === 'process_instances_pkey')) throw error;
    }
    return { kind: 'completed', note: `started process instance ${instanceId}` };
  }
}
