// Queues a webhook call: one delivery row and the job that makes the call, written by ONE
// statement on the caller's connection. `tx` is a `Queryable` for the reasons given in
// email/email-outbox.service.ts: the caller's transaction connection (pg PoolClient, TypeORM
// QueryRunner or EntityManager) makes the delivery and its job commit with the caller's writes.
// Where the call may go is checked when it is made (delivery), not here: the allow-list and DNS
// can change in between, and what counts is where the socket connects.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../../http/input.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import type { Queryable } from '../../database/queryable.js';
import type { Enqueued } from '../insert-once.js';
export type { Enqueued } from '../insert-once.js';
import { InvalidOutboundRequest } from '../invalid-outbound-request.js';
import { deliverWebhookJob } from './deliver-webhook-job.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';

export interface WebhookRequest {
  /** Enqueueing again with the same key changes nothing: one delivery (the first request wins). Sent as `Stageflow-Idempotency-Key`. */
  idempotencyKey: string;
  processInstanceId: string | null;
  /** http(s) URL; its host must be on WEBHOOK_ALLOWED_HOSTS when the call is made. */
  url: string;
  /** The JSON text to POST, exactly as rendered (it is what gets signed). */
  body: string;
  /** Signs the call with the secret of this name from the engine's configuration; absent: unsigned. */
  secretName?: string;
}

const MAX_KEY = 500;
const MAX_URL = 2000;
const MAX_BODY = 1_000_000;

/** Throws InvalidOutboundRequest naming the field. */
export function checkWebhookRequest(request: WebhookRequest): WebhookRequest {
  if (typeof request.idempotencyKey !== 'string' || request.idempotencyKey.trim().length === 0 || request.idempotencyKey.length > MAX_KEY) {
    throw new InvalidOutboundRequest('idempotencyKey', `is required: a non-empty string of at most ${MAX_KEY} characters`);
  }
  if (/[\r\n]/.test(request.idempotencyKey)) throw new InvalidOutboundRequest('idempotencyKey', 'must be one line (it is sent as a header)');
  if (request.processInstanceId !== null && (typeof request.processInstanceId !== 'string' || !isUuid(request.processInstanceId))) {
    throw new InvalidOutboundRequest('processInstanceId', 'must be a process instance id (a UUID) or null');
  }
  if (typeof request.url !== 'string' || request.url.trim().length === 0 || request.url.length > MAX_URL) {
    throw new InvalidOutboundRequest('url', `is required: a URL of at most ${MAX_URL} characters`);
  }
  let url: URL;
  try {
    url = new URL(request.url.trim());
  } catch {
    throw new InvalidOutboundRequest('url', `is not a URL: "${request.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidOutboundRequest('url', `must be an http or https URL, got ${url.protocol}//`);
  // Credentials would be stored and listed with the delivery: receivers authenticate the signature.
  if (url.username !== '' || url.password !== '') throw new InvalidOutboundRequest('url', 'must not contain credentials (receivers check Stageflow-Signature)');
  if (typeof request.body !== 'string') throw new InvalidOutboundRequest('body', 'must be a string of JSON');
  if (request.body.length > MAX_BODY) throw new InvalidOutboundRequest('body', `must be at most ${MAX_BODY} characters, got ${request.body.length}`);
  try {
    JSON.parse(request.body);
  } catch (error) {
    throw new InvalidOutboundRequest('body', `is not valid JSON after rendering (${error instanceof Error ? error.message : String(error)})`);
  }
  if (request.secretName !== undefined && (typeof request.secretName !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(request.secretName))) {
    throw new InvalidOutboundRequest('secretName', 'must be 1-100 letters, digits, "_", "." or "-"');
  }
  return {
    idempotencyKey: request.idempotencyKey,
    processInstanceId: request.processInstanceId,
    url: url.toString(),
    body: request.body,
    secretName: request.secretName,
  };
}

@Injectable()
export class WebhookOutboxService {
  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  /** Queues the call on `tx`; throws InvalidOutboundRequest (e.g. a body that is not JSON) before writing anything. */
  async enqueue(tx: Queryable, request: WebhookRequest): Promise<Enqueued> {
    const call = checkWebhookRequest(request);
    const id = randomUUID();
    const row = {
      id,
      idempotency_key: call.idempotencyKey,
      process_instance_id: call.processInstanceId,
      url: call.url,
      body: call.body,
      secret_name: call.secretName ?? null,
      status: 'queued' as const,
    };
    return WebhookDeliveriesRepository.insertOnce(row, deliverWebhookJob(id, call.processInstanceId, this.config.webhooks.maxAttempts), tx);
  }
}
