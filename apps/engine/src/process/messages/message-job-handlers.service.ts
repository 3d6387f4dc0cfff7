// Delivers a buffered message to the subscription that claimed it: the job the statement that
// opened the subscription added. The correlation deletes the message in its own statement, so
// a job that runs twice finds it gone and does nothing: each message is delivered at most once.
import { Injectable, Logger } from '@nestjs/common';
import { NotFound } from '../../platform/errors/domain-errors.js';
import {
  bufferedMessageJobKey,
  DELIVER_BUFFERED_MESSAGE_TASK,
  EXPIRE_BUFFERED_MESSAGE_TASK,
  REDELIVER_BUFFERED_MESSAGE_TASK,
} from '../correlation/correlation-jobs.js';
import { ENGINE_ACTOR, InstanceCommandsService } from '../execution/instance-commands.service.js';
import { JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { MessageStoreRepository } from './message-store.repository.js';

export function stringField(payload: JobPayload, key: string): string {
  const value = payload[key];
  if (typeof value !== 'string' || value.length === 0) throw new Error(`job payload has no ${key}`);
  return value;
}

@Injectable()
export class MessageJobHandlers {
  private readonly log = new Logger('Messages');

  constructor(
    registry: JobHandlerRegistry,
    private readonly store: MessageStoreRepository,
    private readonly commands: InstanceCommandsService,
  ) {
    registry.register(DELIVER_BUFFERED_MESSAGE_TASK, (payload) => this.deliver(payload));
    registry.register(REDELIVER_BUFFERED_MESSAGE_TASK, (payload) => this.offerToWaiting(stringField(payload, 'messageId')));
    registry.register(EXPIRE_BUFFERED_MESSAGE_TASK, (payload) => this.store.deleteIfExpired(stringField(payload, 'messageId')));
  }

  /** A message no subscription holds: claimed for the oldest one waiting, if any, with its delivery job. */
  private async offerToWaiting(messageId: string): Promise<void> {
    // Released after its expiry job ran: nobody else would delete it.
    await this.store.deleteIfExpired(messageId);
    await this.store.claimForWaiting(messageId, (message) => ({
      task: DELIVER_BUFFERED_MESSAGE_TASK,
      payload: { messageId: message.id, subscriptionId: message.subscriptionId, processInstanceId: message.instanceId },
      key: bufferedMessageJobKey(message.id),
    }));
  }

  private async deliver(payload: JobPayload): Promise<void> {
    const messageId = stringField(payload, 'messageId');
    const subscriptionId = stringField(payload, 'subscriptionId');
    const instanceId = stringField(payload, 'processInstanceId');
    const message = await this.store.bufferedMessage(messageId);
    // Delivered already, or released because the subscription closed first: nothing to do.
    if (!message || message.claimedBySubscription !== subscriptionId) return;
    try {
      const outcome = await this.commands.run(instanceId, { type: 'correlateMessage', subscriptionId, variables: message.variables }, ENGINE_ACTOR, {
        rejected: 'ignore',
        aborted: 'throw',
        deliveredMessageId: messageId,
      });
      if (outcome.kind === 'rejected') {
        this.log.debug(`buffered message ${messageId} for ${instanceId}: ${outcome.message}`);
        await this.store.releaseIfSubscriptionGone(messageId, subscriptionId);
        await this.offerToWaiting(messageId);
      }
    } catch (error) {
      if (error instanceof NotFound) return;
      throw error;
    }
  }
}
