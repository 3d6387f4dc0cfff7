// Reads the engine's settings from the environment once, at start-up.
import { resolve } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { loadEmailConfig, type EmailConfig } from '../outbound/email/smtp-config.js';
import { loadWebhookConfig, type WebhookConfig } from '../outbound/webhooks/webhook-config.js';

export interface EngineConfig {
  /** External PostgreSQL; when absent the engine starts an embedded server. */
  databaseUrl?: string;
  port: number;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  adminPassword?: string;
  jwtSecret?: string;
  /** Lifetime of access tokens issued by /auth/login, in seconds. */
  jwtTtlSeconds: number;
  /** STAGEFLOW_SIGN_IN_USER_FAILURES: failed sign-ins in a row that lock a username (platform/identity/auth/sign-in-throttle.service.ts). */
  signInUserFailures: number;
  /** STAGEFLOW_SIGN_IN_ADDRESS_FAILURES: failed sign-ins from one client address that lock the address. */
  signInAddressFailures: number;
  /** STAGEFLOW_SIGN_IN_LOCK_SECONDS: the first lock's length; each further failure doubles the next, up to an hour. */
  signInLockSeconds: number;
  /**
   * STAGEFLOW_TRUST_PROXY: which reverse proxies may tell the client's address (X-Forwarded-For,
   * used by the sign-in throttling) and protocol (X-Forwarded-Proto, which makes the session
   * cookie Secure): false (default), true (any), or addresses and CIDR ranges.
   */
  trustProxy: boolean | string[];
  /** Worker threads that run the interpreter. */
  interpreterWorkers: number;
  /** Commands of processes that provably run bounded are interpreted on the main thread (false: all on workers). */
  inlineInterpreter: boolean;
  /** STAGEFLOW_REMEMBER_INSTANCES: a command on an instance this node just wrote skips its read (RecentInstances); false: every command reads. */
  rememberInstances: boolean;
  /** Wall-clock limit of one command inside the interpreter, in milliseconds. */
  commandTimeoutMs: number;
  /** Heap limit of one interpreter worker, in MB. */
  workerMaxHeapMb: number;
  /** Atomic interpreter steps per command before a loop is stopped with an incident. */
  maxSteps: number;
  /** STAGEFLOW_MAX_VARIABLES_BYTES: the most an instance's variables may take as JSON; a command that would exceed it ends as an incident. */
  maxVariablesBytes: number;
  /** Connections in the PostgreSQL pool. */
  dbPoolSize: number;
  jsonBodyLimit: string;
  uploadLimitBytes: number;
  /** STAGEFLOW_ATTACHMENT_MAX_BYTES: the largest file a CRM record may get as an attachment (larger: 413). */
  attachmentMaxBytes: number;
  /** Jobs (timers, async continuations) this node works at once. */
  jobConcurrency: number;
  /** How often an idle job worker looks for jobs that became due (new jobs arrive by LISTEN/NOTIFY). */
  jobPollIntervalMs: number;
  /** A node whose heartbeat is older than this (by the database clock) is dead: its job locks are released. */
  nodeDeadAfterMs: number;
  /**
   * Test aid: milliseconds added to this node's own clock, which the engine uses only for logs
   * and to estimate the database clock between reads — due times come from the database clock.
   */
  fakeClockSkewMs: number;
  /** STAGEFLOW_PHONE_REGION: the country (ISO 3166 alpha-2) of phone numbers written without a country code. */
  phoneRegion: CountryCode;
  /** STAGEFLOW_MEETING_REMINDER_MINUTES: how long before a meeting its owner is reminded (decimals allowed, e.g. 0.1). */
  meetingReminderMinutes: number;
  /** STAGEFLOW_TERRITORY_BATCH: how many records of a type one job places again after a territory rule set changed (default 500). */
  territoryBatch: number;
  /**
   * STAGEFLOW_STANDARD_PACKAGES: the folder whose package sub-folders are deployed at start-up when
   * new or newer (default: process-definitions/ of the checkout); undefined when `off`.
   */
  standardPackagesDir: string | undefined;
  /** STAGEFLOW_WEB_APP_DIR: the built web app served at `/` (default: apps/modeler/dist of the checkout; platform/http/web-app.ts). */
  webAppDir: string;
  /** Outbound e-mail (SMTP_URL, SMTP_FROM, …; docs/outbound.md). */
  email: EmailConfig;
  /** Outbound webhooks (WEBHOOK_ALLOWED_HOSTS, secrets, …; docs/outbound.md). */
  webhooks: WebhookConfig;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

function booleanFrom(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function signedIntFrom(value: string | undefined, name: string): number {
  if (value === undefined || value === '') return 0;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`${name} must be an integer, got "${value}"`);
  return parsed;
}

function positiveNumberFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return parsed;
}

function phoneRegionFrom(value: string | undefined): CountryCode {
  if (value === undefined || value === '') return 'US';
  const region = value.toUpperCase();
  if (!isSupportedCountry(region)) throw new Error(`STAGEFLOW_PHONE_REGION must be a country code such as DE or US, got "${value}"`);
  return region;
}

function trustProxyFrom(value: string | undefined): boolean | string[] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  const addresses = value.split(',').map((address) => address.trim());
  if (addresses.some((address) => !/^[\da-fA-F.:]+(\/\d{1,3})?$/.test(address)))
    throw new Error(`STAGEFLOW_TRUST_PROXY must be true, false or addresses and CIDR ranges separated by commas, got "${value}"`);
  return addresses;
}

function standardPackagesDirFrom(value: string | undefined, cwd: string): string | undefined {
  if (value === undefined || value === '') return `${cwd}/process-definitions`;
  if (value === 'off') return undefined;
  return resolve(value);
}

export function loadEngineConfig(env: NodeJS.ProcessEnv, cwd: string): EngineConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port: intFrom(env.PORT, 3000, 'PORT'),
    dataDir: env.STAGEFLOW_DATA_DIR || `${cwd}/.stageflow`,
    adminPassword: env.STAGEFLOW_ADMIN_PASSWORD || undefined,
    jwtSecret: env.STAGEFLOW_JWT_SECRET || undefined,
    jwtTtlSeconds: intFrom(env.STAGEFLOW_JWT_TTL_SECONDS, 12 * 3600, 'STAGEFLOW_JWT_TTL_SECONDS'),
    signInUserFailures: intFrom(env.STAGEFLOW_SIGN_IN_USER_FAILURES, 10, 'STAGEFLOW_SIGN_IN_USER_FAILURES'),
    signInAddressFailures: intFrom(env.STAGEFLOW_SIGN_IN_ADDRESS_FAILURES, 100, 'STAGEFLOW_SIGN_IN_ADDRESS_FAILURES'),
    signInLockSeconds: intFrom(env.STAGEFLOW_SIGN_IN_LOCK_SECONDS, 60, 'STAGEFLOW_SIGN_IN_LOCK_SECONDS'),
    trustProxy: trustProxyFrom(env.STAGEFLOW_TRUST_PROXY),
    interpreterWorkers: intFrom(env.STAGEFLOW_INTERPRETER_WORKERS, 2, 'STAGEFLOW_INTERPRETER_WORKERS'),
    inlineInterpreter: booleanFrom(env.STAGEFLOW_INLINE_INTERPRETER, true, 'STAGEFLOW_INLINE_INTERPRETER'),
    rememberInstances: booleanFrom(env.STAGEFLOW_REMEMBER_INSTANCES, true, 'STAGEFLOW_REMEMBER_INSTANCES'),
    commandTimeoutMs: intFrom(env.STAGEFLOW_COMMAND_TIMEOUT_MS, 2000, 'STAGEFLOW_COMMAND_TIMEOUT_MS'),
    workerMaxHeapMb: intFrom(env.STAGEFLOW_WORKER_MAX_HEAP_MB, 128, 'STAGEFLOW_WORKER_MAX_HEAP_MB'),
    maxSteps: intFrom(env.STAGEFLOW_MAX_STEPS, 10000, 'STAGEFLOW_MAX_STEPS'),
    maxVariablesBytes: intFrom(env.STAGEFLOW_MAX_VARIABLES_BYTES, 1024 * 1024, 'STAGEFLOW_MAX_VARIABLES_BYTES'),
    dbPoolSize: intFrom(env.STAGEFLOW_DB_POOL_SIZE, 20, 'STAGEFLOW_DB_POOL_SIZE'),
    jsonBodyLimit: '1mb',
    uploadLimitBytes: 5 * 1024 * 1024,
    attachmentMaxBytes: intFrom(env.STAGEFLOW_ATTACHMENT_MAX_BYTES, 10 * 1024 * 1024, 'STAGEFLOW_ATTACHMENT_MAX_BYTES'),
    jobConcurrency: intFrom(env.STAGEFLOW_JOB_CONCURRENCY, 8, 'STAGEFLOW_JOB_CONCURRENCY'),
    jobPollIntervalMs: intFrom(env.STAGEFLOW_JOB_POLL_MS, 250, 'STAGEFLOW_JOB_POLL_MS'),
    nodeDeadAfterMs: intFrom(env.STAGEFLOW_NODE_DEAD_AFTER_MS, 20000, 'STAGEFLOW_NODE_DEAD_AFTER_MS'),
    fakeClockSkewMs: signedIntFrom(env.STAGEFLOW_FAKE_CLOCK_SKEW_MS, 'STAGEFLOW_FAKE_CLOCK_SKEW_MS'),
    phoneRegion: phoneRegionFrom(env.STAGEFLOW_PHONE_REGION),
    meetingReminderMinutes: positiveNumberFrom(env.STAGEFLOW_MEETING_REMINDER_MINUTES, 15, 'STAGEFLOW_MEETING_REMINDER_MINUTES'),
    territoryBatch: intFrom(env.STAGEFLOW_TERRITORY_BATCH, 500, 'STAGEFLOW_TERRITORY_BATCH'),
    standardPackagesDir: standardPackagesDirFrom(env.STAGEFLOW_STANDARD_PACKAGES, cwd),
    webAppDir: env.STAGEFLOW_WEB_APP_DIR ? resolve(env.STAGEFLOW_WEB_APP_DIR) : `${cwd}/apps/modeler/dist`,
    email: loadEmailConfig(env),
    webhooks: loadWebhookConfig(env),
  };
}

/** Injection token of the EngineConfig. */
export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');
