// Works the `stageflow.deliver-webhook` jobs: claims the delivery (counting the attempt),
// checks where it may go, POSTs the signed JSON, records the answer.
//
// At least once, like e-mail: the delivery is marked after the receiver's 2xx, so a node that
// dies in between calls again with the same Stageflow-Idempotency-Key, which receivers use to
// de-duplicate. A job that runs again after the mark finds the delivery `delivered` and calls
// nobody. Refusals by policy, a missing secret and permanent answers (4xx, redirects) end the
// delivery at once as `failed` with the reason, and raise a job incident (retry it after fixing
// the cause); 5xx, 408, 429, network errors and time-outs are retried with back-off.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { JobHandlerRegistry, type JobContext } from '../../jobs/job-handler-registry.js';
import type { JobPayload } from '../../jobs/job-request.js';
import { PermanentJobFailure } from '../../jobs/permanent-job-failure.js';
import { DELIVER_WEBHOOK_TASK } from './deliver-webhook-job.js';
import { normaliseSecretName, secretEnvName } from './webhook-config.js';
import { WebhookDeliveriesRepository, type ClaimedDelivery } from './webhook-deliveries.repository.js';
import { checkDestination, postJson, systemResolver, WebhookRefused } from './webhook-http-client.js';
import { outcomeOf, type WebhookOutcome } from './webhook-outcome.js';
import { webhookHeaders } from './webhook-signature.js';

type AttemptResult = WebhookOutcome & { statusCode: number | null };

@Injectable()
export class WebhookDeliveryJob implements OnApplicationBootstrap {
  private readonly log = new Logger('Webhooks');

  constructor(
    registry: JobHandlerRegistry,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {
    registry.register(DELIVER_WEBHOOK_TASK, (payload, context) => this.deliver(payload, context));
  }

  onApplicationBootstrap(): void {
    const { allowList } = this.config.webhooks;
    if (!allowList.anyHost && allowList.names.size === 0 && allowList.suffixes.length === 0 && allowList.ranges.length === 0) {
      this.log.warn('WEBHOOK_ALLOWED_HOSTS is not set: every webhook call is refused (and recorded as failed) until it names the receivers');
    }
  }

  private async deliver(payload: JobPayload, context: JobContext): Promise<void> {
    const id = payload.deliveryId;
    if (typeof id !== 'string' || id.length === 0) throw new PermanentJobFailure('job payload has no deliveryId');
    const delivery = await this.deliveries.claim(id);
    if (!delivery) return; // delivered already (this job ran again) or no longer there
    const result = await this.attempt(delivery);
    if (result.kind === 'delivered') {
      await this.deliveries.markDelivered(id, result.statusCode ?? 0);
      return;
    }
    const final = result.kind === 'permanent' || context.attempt >= context.maxAttempts;
    await this.deliveries.markAttemptFailed(id, result.reason, result.statusCode, final);
    const message = `webhook ${id} to ${delivery.url}: ${result.reason}`;
    throw result.kind === 'permanent' ? new PermanentJobFailure(message) : new Error(message);
  }

  /** One call; every way it can end, as an outcome (nothing thrown). */
  private async attempt(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const { webhooks } = this.config;
    let secret: string | undefined;
    if (delivery.secretName !== null) {
      secret = webhooks.secrets.get(normaliseSecretName(delivery.secretName));
      if (secret === undefined) {
        return {
          kind: 'permanent',
          statusCode: null,
          reason: `the secret "${delivery.secretName}" is not configured (WEBHOOK_SECRETS or ${secretEnvName(delivery.secretName)})`,
        };
      }
    }
    try {
      const destination = await checkDestination(delivery.url, webhooks, systemResolver);
      const response = await postJson(
        destination,
        webhookHeaders(delivery.body, delivery.idempotencyKey, delivery.claimedAt, secret),
        delivery.body,
        webhooks.timeoutMs,
      );
      return { ...outcomeOf(response.status, response.snippet, response.location), statusCode: response.status };
    } catch (error) {
      if (error instanceof WebhookRefused) return { kind: 'permanent', statusCode: null, reason: `refused: ${error.message}` };
      return { kind: 'retry', statusCode: null, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
