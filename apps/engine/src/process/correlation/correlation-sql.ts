// The correlation part of a command's ONE write statement: data-modifying CTEs for message and
// signal subscriptions, buffered-message claims, signal deliveries, outbox rows and called
// processes (with their escalations), each written only when the instance row was (`written`),
// so a command that lost the version race writes none of them. Jobs that depend on rows found
// by the statement itself (a claimed buffered message, the child of a cancelled call) are
// added in SQL through graphile-worker's add_jobs.
import { DEFAULT_MAX_ATTEMPTS } from '../../platform/jobs/job-request.js';
import { JOB_SCHEMA, addJobSpecsSelect } from '../../platform/jobs/job-sql.js';
import { CANCEL_CALLED_PROCESS_TASK, DELIVER_BUFFERED_MESSAGE_TASK, REDELIVER_BUFFERED_MESSAGE_TASK } from './correlation-jobs.js';
import type { CorrelationPlan } from './correlation-plan.js';
import type { SqlParams } from '../../platform/database/sql-params.js';

export interface CorrelationSqlContext {
  /** Placeholders of the statement: the instance id (uuid), the command's `now` (timestamptz). */
  instanceId: string;
  now: string;
  /** The condition that the instance row was written. */
  written: string;
  /** How the command ended the instance, when it did: every wait of it is dropped then. */
  endedAs: 'completed' | 'terminated' | null;
}

export interface CorrelationSql {
  parts: string[];
  /** Plain SELECT CTEs that the main query must reference (or PostgreSQL never runs them). */
  referenced: string[];
}

/** The (name, key) pairs whose buffered messages the statement may claim: the advisory locks it needs first. */
export function messageLockKeys(plan: CorrelationPlan): { name: string; correlationKey: string | null }[] {
  const seen = new Map<string, { name: string; correlationKey: string | null }>();
  for (const s of plan.openedMessageSubscriptions)
    seen.set(JSON.stringify([s.messageName, s.correlationKey]), { name: s.messageName, correlationKey: s.correlationKey });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

/** A job spec row for graphile-worker's add_jobs (task, payload, queue, run_at, max_attempts, key, priority, flags). */
function jobSpec(task: string, payload: string, key: string): string {
  return `ROW('${task}', ${payload}, NULL, now(), ${DEFAULT_MAX_ATTEMPTS}, ${key}, NULL, NULL)::${JOB_SCHEMA}.job_spec`;
}

export function correlationSql(sql: SqlParams, plan: CorrelationPlan, context: CorrelationSqlContext): CorrelationSql {
  const parts: string[] = [];
  const referenced: string[] = [];
  const { instanceId, now, written, endedAs } = context;
  const ended = endedAs !== null;

  // Message subscriptions closed (or all of an ended instance); a message they had claimed and
  // not yet delivered goes back to the buffer, unless this very command delivers it.
  if (plan.closedMessageSubscriptionIds.length > 0 || ended) {
    const which = ended ? `process_instance_id = ${instanceId}::uuid` : sql.oneOf('id', plan.closedMessageSubscriptionIds, 'text');
    parts.push(`closed_message_subs AS (DELETE FROM message_subscriptions WHERE ${which} AND ${written} RETURNING id)`);
    const delivered = plan.deliveredMessageId === null ? '' : ` AND buffered_messages.id <> ${sql.add(plan.deliveredMessageId)}::uuid`;
    parts.push(`released_messages AS (
      UPDATE buffered_messages SET claimed_by_subscription = NULL, claimed_by_instance = NULL, claimed_at = NULL
       WHERE claimed_by_subscription IN (SELECT id FROM closed_message_subs)${delivered}
      RETURNING id)`);
    // A released message may suit a subscription that is already waiting (it opened while the
    // message was claimed): a job offers it (no-op when none waits; the next one to open claims it).
    parts.push(
      `release_jobs AS (${addJobSpecsSelect(`
      SELECT ${jobSpec(REDELIVER_BUFFERED_MESSAGE_TASK, `json_build_object('messageId', r.id)`, `'message-redeliver:' || r.id`)}
        FROM released_messages r`)})`,
    );
    referenced.push('release_jobs');
  }
  if (plan.deliveredMessageId !== null) {
    parts.push(`delivered_message AS (DELETE FROM buffered_messages WHERE id = ${sql.add(plan.deliveredMessageId)}::uuid AND ${written})`);
  }
  const opened = ended ? [] : plan.openedMessageSubscriptions;
  if (opened.length > 0) {
    parts.push(`opened_message_subs AS (
      INSERT INTO message_subscriptions (id, process_instance_id, element_id, message_name, correlation_key, created_at)
      SELECT s.id, ${instanceId}::uuid, s.element_id, s.name, s.correlation_key, ${now}::timestamptz
        FROM unnest(${sql.add(opened.map((s) => s.id))}::text[], ${sql.add(opened.map((s) => s.elementId))}::text[],
                    ${sql.add(opened.map((s) => s.messageName))}::text[], ${sql.add(opened.map((s) => s.correlationKey))}::text[])
          AS s(id, element_id, name, correlation_key)
       WHERE ${written})`);
    // Each new subscription claims the oldest unexpired buffered message of its name and key
    // (one per name and key per command: CTEs of one statement share a snapshot, so two claims
    // of the same pair would pick the same row). The claim and its delivery job commit with the
    // subscription; the job key is the message id, so a message is delivered at most once.
    const claimed: string[] = [];
    const pairs = new Set<string>();
    for (const s of opened) {
      const pair = JSON.stringify([s.messageName, s.correlationKey]);
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      const name = `claim_${claimed.length}`;
      const key = s.correlationKey === null ? 'c.correlation_key IS NULL' : `c.correlation_key = ${sql.add(s.correlationKey)}::text`;
      const subscription = sql.add(s.id);
      parts.push(`${name} AS (
        UPDATE buffered_messages b SET claimed_by_subscription = ${subscription}::text, claimed_by_instance = ${instanceId}::uuid, claimed_at = ${now}::timestamptz
         WHERE b.id = (SELECT c.id FROM buffered_messages c
                        WHERE c.name = ${sql.add(s.messageName)}::text AND ${key} AND c.claimed_at IS NULL AND c.expires_at > ${now}::timestamptz
                        ORDER BY c.created_at, c.id LIMIT 1 FOR UPDATE SKIP LOCKED)
           AND ${written}
        RETURNING b.id, b.claimed_by_subscription)`);
      claimed.push(name);
    }
    const union = claimed.map((name) => `SELECT id, claimed_by_subscription FROM ${name}`).join(' UNION ALL ');
    parts.push(
      `claim_jobs AS (${addJobSpecsSelect(`
      SELECT ${jobSpec(DELIVER_BUFFERED_MESSAGE_TASK, `json_build_object('messageId', m.id, 'subscriptionId', m.claimed_by_subscription, 'processInstanceId', ${instanceId}::uuid)`, `'message:' || m.id`)}
        FROM (${union}) AS m`)})`,
    );
    referenced.push('claim_jobs');
  }

  if (plan.closedSignalSubscriptionIds.length > 0 || ended) {
    const which = ended ? `process_instance_id = ${instanceId}::uuid` : sql.oneOf('id', plan.closedSignalSubscriptionIds, 'text');
    parts.push(`closed_signal_subs AS (DELETE FROM signal_subscriptions WHERE ${which} AND ${written})`);
  }
  const openedSignals = ended ? [] : plan.openedSignalSubscriptions;
  if (openedSignals.length > 0) {
    parts.push(`opened_signal_subs AS (
      INSERT INTO signal_subscriptions (id, process_instance_id, element_id, signal_name, created_at)
      SELECT s.id, ${instanceId}::uuid, s.element_id, s.name, ${now}::timestamptz
        FROM unnest(${sql.add(openedSignals.map((s) => s.id))}::text[], ${sql.add(openedSignals.map((s) => s.elementId))}::text[],
                    ${sql.add(openedSignals.map((s) => s.signalName))}::text[]) AS s(id, element_id, name)
       WHERE ${written})`);
  }

  if (plan.outbox.length > 0) {
    const o = plan.outbox;
    parts.push(`new_outbox AS (
      INSERT INTO outbox (id, process_instance_id, element_id, kind, name, correlation_key, payload, created_at)
      SELECT gen_random_uuid(), ${instanceId}::uuid, o.element_id, 'message', o.name, o.correlation_key, o.payload, ${now}::timestamptz
        FROM unnest(${sql.add(o.map((x) => x.elementId))}::text[], ${sql.add(o.map((x) => x.name))}::text[],
                    ${sql.add(o.map((x) => x.correlationKey))}::text[], ${sql.add(o.map((x) => JSON.stringify(x.payload)))}::jsonb[])
          WITH ORDINALITY AS o(element_id, name, correlation_key, payload, n)
       WHERE ${written}
       ORDER BY o.n)`);
  }

  if (plan.startedCalls.length > 0) {
    const c = plan.startedCalls;
    parts.push(`new_calls AS (
      INSERT INTO called_processes (call_id, parent_instance_id, element_id, process_key, state, created_at)
      SELECT c.call_id, ${instanceId}::uuid, c.element_id, c.process_key, 'pending', ${now}::timestamptz
        FROM unnest(${sql.add(c.map((x) => x.callId))}::text[], ${sql.add(c.map((x) => x.elementId))}::text[], ${sql.add(c.map((x) => x.processKey))}::text[])
          AS c(call_id, element_id, process_key)
       WHERE ${written})`);
  }
  // Calls given up (or every open call of a terminated instance): a pending call never starts
  // its child (the start job finds it cancelled); a started one gets a job cancelling the child.
  // The UPDATE waits for a concurrent start of the same call and then sees its child.
  if (plan.cancelledCallIds.length > 0 || endedAs === 'terminated') {
    const which = endedAs === 'terminated' ? `parent_instance_id = ${instanceId}::uuid` : sql.oneOf('call_id', plan.cancelledCallIds, 'text');
    parts.push(`cancelled_calls AS (
      UPDATE called_processes SET state = 'cancelled'
       WHERE ${which} AND state IN ('pending', 'started') AND ${written}
      RETURNING call_id, child_instance_id)`);
    parts.push(
      `cancel_jobs AS (${addJobSpecsSelect(`
      SELECT ${jobSpec(CANCEL_CALLED_PROCESS_TASK, `json_build_object('processInstanceId', c.child_instance_id, 'callId', c.call_id)`, `'call-cancel:' || c.call_id`)}
        FROM cancelled_calls c WHERE c.child_instance_id IS NOT NULL`)})`,
    );
    referenced.push('cancel_jobs');
  }
  // A called process's uncaught escalations, in the order thrown (the job delivers them by seq).
  if (plan.thrownEscalations.length > 0) {
    const e = plan.thrownEscalations;
    parts.push(`thrown_escalations AS (
      INSERT INTO called_process_escalations (id, call_id, element_id, escalation_code, created_at)
      SELECT gen_random_uuid(), e.call_id, e.element_id, e.code, ${now}::timestamptz
        FROM unnest(${sql.add(e.map((x) => x.callId))}::text[], ${sql.add(e.map((x) => x.elementId))}::text[], ${sql.add(e.map((x) => x.escalationCode))}::text[])
          WITH ORDINALITY AS e(call_id, element_id, code, n)
       WHERE ${written}
       ORDER BY e.n)`);
  }
  // A plain INSERT: when a job that ran twice delivers the same escalation again, the primary
  // key fails the whole statement, so the parent does not throw it twice.
  if (plan.deliveredEscalationId !== null) {
    parts.push(`escalation_delivery AS (
      INSERT INTO called_process_escalation_deliveries (escalation_id, delivered_at)
      SELECT ${sql.add(plan.deliveredEscalationId)}::uuid, ${now}::timestamptz WHERE ${written})`);
  }
  // Likewise a signal broadcast delivered to this instance: a delivery job that runs again
  // fails on the (broadcast, instance) key instead of triggering the subscriptions twice.
  if (plan.deliveredSignalBroadcastId !== null) {
    parts.push(`signal_delivery AS (
      INSERT INTO signal_deliveries (broadcast_id, process_instance_id, delivered_at)
      SELECT ${sql.add(plan.deliveredSignalBroadcastId)}::text, ${instanceId}::uuid, ${now}::timestamptz WHERE ${written})`);
  }
  if (plan.endedCallId !== null) {
    parts.push(
      `ended_call AS (UPDATE called_processes SET state = 'ended' WHERE call_id = ${sql.add(plan.endedCallId)}::text AND state = 'started' AND ${written})`,
    );
  }
  return { parts, referenced };
}
