// `buffered_messages` (a published message nobody waited for yet, kept until it expires or a
// subscription claims it) and `message_subscriptions` (an instance waiting for a message, written
// by its commands): the rows as PostgreSQL returns them, and what correlation sees of them.
import type { Variables } from '@stageflow/bpmn-runtime';

export interface BufferedMessageRow {
  id: string;
  name: string;
  correlation_key: string | null;
  variables: Variables;
  published_by: string | null;
  created_at: Date;
  expires_at: Date;
  claimed_by_subscription: string | null;
  claimed_by_instance: string | null;
  claimed_at: Date | null;
}

export interface MessageSubscriptionRow {
  id: string;
  process_instance_id: string;
  element_id: string;
  message_name: string;
  correlation_key: string | null;
  created_at: Date;
}

export interface BufferedMessage {
  id: string;
  name: string;
  correlationKey: string | null;
  variables: Variables;
  createdAt: string;
  expiresAt: string;
  claimedBySubscription: string | null;
  claimedByInstance: string | null;
}

export interface WaitingSubscription {
  subscriptionId: string;
  processInstanceId: string;
  elementId: string;
}

export function bufferedMessageOf(row: Omit<BufferedMessageRow, 'published_by' | 'claimed_at'>): BufferedMessage {
  return {
    id: row.id,
    name: row.name,
    correlationKey: row.correlation_key,
    variables: row.variables,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    claimedBySubscription: row.claimed_by_subscription,
    claimedByInstance: row.claimed_by_instance,
  };
}

export function waitingSubscriptionOf(row: Pick<MessageSubscriptionRow, 'id' | 'process_instance_id' | 'element_id'>): WaitingSubscription {
  return { subscriptionId: row.id, processInstanceId: row.process_instance_id, elementId: row.element_id };
}
