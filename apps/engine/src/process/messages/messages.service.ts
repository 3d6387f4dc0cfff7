// POST /messages: correlate a message to the one instance waiting for it, else start an
// instance at a message start event, else keep it for its ttl, else 404. See docs/concepts.md.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import { NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import { InstanceCommandsService, type Actor, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { MessageStoreRepository, type WaitingSubscription } from './message-store.repository.js';

export interface PublishMessage {
  name: string;
  correlationKey: string | null;
  variables: Variables;
  ttlSeconds: number | undefined;
}

export type PublishOutcome =
  | { result: 'correlated'; processInstanceId: string; subscriptionId: string; elementId: string; instance: InstanceSnapshot }
  | { result: 'started'; processInstanceId: string; startEventId: string; instance: InstanceSnapshot }
  | { result: 'buffered'; messageId: string; createdAt: string; expiresAt: string };

/** Waiting subscriptions read per message: enough to name the instances of a 409. */
const MAX_LISTED = 20;

/** Rounds of "find the subscription, correlate" before giving up: each lost round means it closed meanwhile. */
const MAX_ROUNDS = 8;

function describe(message: PublishMessage): string {
  return message.correlationKey === null
    ? `message "${message.name}" (no correlation key)`
    : `message "${message.name}" with correlation key "${message.correlationKey}"`;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly store: MessageStoreRepository,
    private readonly commands: InstanceCommandsService,
  ) {}

  async publish(message: PublishMessage, actor: Actor): Promise<PublishOutcome> {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const waiting = await this.store.waiting(message.name, message.correlationKey, MAX_LISTED);
      const instances = [...new Set(waiting.map((s) => s.processInstanceId))];
      if (instances.length > 1) {
        throw new Conflict(
          `${describe(message)} matches ${waiting.length === MAX_LISTED ? 'at least ' : ''}${instances.length} waiting process instances (${instances.join(', ')}); a message goes to exactly one: give a correlation key that tells them apart`,
          waiting.map((s) => ({ processInstanceId: s.processInstanceId, elementId: s.elementId, subscriptionId: s.subscriptionId })),
        );
      }
      const subscription = waiting[0];
      if (subscription) {
        const correlated = await this.correlate(subscription, message, actor);
        if (correlated) return correlated;
        continue; // the subscription closed between the read and the command: look again
      }
      const started = await this.startByMessage(message, actor);
      if (started) return started;
      if (message.ttlSeconds === undefined) {
        throw new NotFound(
          `no process instance waits for ${describe(message)} and no deployed process starts with it; send a ttl (e.g. "PT1H") to keep the message until one waits`,
          [{ name: message.name, correlationKey: message.correlationKey }],
        );
      }
      const id = randomUUID();
      const buffered = await this.store.buffer({
        id,
        name: message.name,
        correlationKey: message.correlationKey,
        variables: message.variables,
        ttlSeconds: message.ttlSeconds,
        publishedBy: actor.username,
      });
      if (buffered.kind === 'buffered') return { result: 'buffered', messageId: id, createdAt: buffered.createdAt, expiresAt: buffered.expiresAt };
      // A subscription opened while we looked: correlate to it in the next round.
    }
    throw new Conflict(`${describe(message)}: the waiting subscriptions kept changing; retry`);
  }

  /** Runs correlateMessage; undefined when the subscription no longer waits (closed by a concurrent command). */
  private async correlate(subscription: WaitingSubscription, message: PublishMessage, actor: Actor): Promise<PublishOutcome | undefined> {
    const outcome = await this.commands.run(
      subscription.processInstanceId,
      { type: 'correlateMessage', subscriptionId: subscription.subscriptionId, variables: message.variables },
      actor,
      { rejected: 'ignore' },
    );
    if (outcome.kind === 'rejected') {
      if (await this.store.subscriptionExists(subscription.subscriptionId)) {
        throw new Conflict(`${describe(message)} cannot be correlated to process instance ${subscription.processInstanceId}: ${outcome.message}`, [
          { processInstanceId: subscription.processInstanceId, elementId: subscription.elementId },
        ]);
      }
      return undefined;
    }
    return {
      result: 'correlated',
      processInstanceId: subscription.processInstanceId,
      subscriptionId: subscription.subscriptionId,
      elementId: subscription.elementId,
      instance: outcome.snapshot,
    };
  }

  /** Starts the latest version of the one process with a message start event of this name. */
  private async startByMessage(message: PublishMessage, actor: Actor): Promise<PublishOutcome | undefined> {
    const starts = await this.store.startEvents('message', message.name);
    const keys = [...new Set(starts.map((s) => s.definitionKey))];
    if (keys.length > 1) {
      throw new Conflict(
        `${describe(message)} would start ${keys.length} processes (${keys.join(', ')}); a message starts exactly one`,
        starts.map((s) => ({ definitionKey: s.definitionKey, elementId: s.elementId })),
      );
    }
    const start = starts[0];
    if (!start) return undefined;
    const instance = await this.commands.start(start.definitionKey, { variables: message.variables, startEventId: start.elementId }, actor);
    return { result: 'started', processInstanceId: instance.id, startEventId: start.elementId, instance };
  }
}
