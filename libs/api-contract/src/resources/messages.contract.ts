// POST /api/v1/messages, GET /api/v1/outbox (messages thrown by the processes).
import type { ProcessVariables } from '@stageflow/process-package';
import { described, instant, named, nullable, optional, page, ref, string, stringEnum, uuid, variables } from '../schemas/json-schema.js';
import { processInstanceSchema, type ProcessInstanceView } from './process-instances.contract.js';

export type MessagePublishResult = 'correlated' | 'started' | 'buffered';

/** 200 correlated, 201 started, 202 buffered; the other fields as the result says. */
export interface MessagePublishedView {
  result: MessagePublishResult;
  processInstanceId?: string;
  /** correlated: the subscription the message went to. */
  subscriptionId?: string;
  /** correlated: the waiting element. */
  elementId?: string;
  /** started: the message start event. */
  startEventId?: string;
  instance?: ProcessInstanceView;
  /** buffered: the kept message. */
  messageId?: string;
  createdAt?: string;
  /** buffered: created + ttl, by the database clock. */
  expiresAt?: string;
}

export interface OutboxEntryView {
  id: string;
  processInstanceId: string;
  elementId: string;
  kind: 'message';
  name: string;
  correlationKey: string | null;
  payload: ProcessVariables;
  createdAt: string;
}

export const messagePublishedSchema = named<MessagePublishedView>('message-published', {
  result: stringEnum(['correlated', 'started', 'buffered'], '200 correlated, 201 started, 202 buffered.'),
  processInstanceId: optional(uuid),
  subscriptionId: optional(described(string, 'correlated: the subscription the message went to.')),
  elementId: optional(described(string, 'correlated: the waiting element.')),
  startEventId: optional(described(string, 'started: the message start event.')),
  instance: optional(ref(processInstanceSchema)),
  messageId: optional(described(uuid, 'buffered: the kept message.')),
  createdAt: optional(instant),
  expiresAt: optional(described(instant, 'buffered: created + ttl, by the database clock.')),
});

export const outboxEntrySchema = named<OutboxEntryView>('outbox-entry', {
  id: uuid,
  processInstanceId: uuid,
  elementId: string,
  kind: stringEnum(['message']),
  name: string,
  correlationKey: nullable(string),
  payload: variables,
  createdAt: instant,
});

export const outboxPageSchema = page('outbox-page', outboxEntrySchema);
