// The webhook settings, read from the environment at start-up. Secrets live here (the engine's
// environment), never in process packages: an action names a secret, the engine holds it.
import { parseAllowList, type AllowList } from './address-policy.js';

export interface WebhookConfig {
  /** WEBHOOK_ALLOWED_HOSTS: the hosts (and addresses) webhooks may call; empty = none. */
  allowList: AllowList;
  /** WEBHOOK_ALLOW_PRIVATE=true: private, loopback, link-local and unique-local addresses are allowed too. */
  allowPrivate: boolean;
  /** Secret by normalised name (see secretEnvName). */
  secrets: ReadonlyMap<string, string>;
  /** Whole-request timeout of one attempt. */
  timeoutMs: number;
  /** Attempts of one delivery before it is `failed` (graphile-worker back-off: 10 attempts span about 3.5 hours). */
  maxAttempts: number;
}

const SECRET_PREFIX = 'WEBHOOK_SECRET_';

/** `crm-prod` -> `CRM_PROD`: the form a secret name takes in `WEBHOOK_SECRET_<NAME>`. */
export function normaliseSecretName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The environment variable that holds the secret `name`. */
export function secretEnvName(name: string): string {
  return `${SECRET_PREFIX}${normaliseSecretName(name)}`;
}

function positiveInt(value: string | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0 || parsed > max) throw new Error(`${name} must be an integer from 1 to ${max}, got "${value}"`);
  return parsed;
}

function booleanFrom(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

/** WEBHOOK_SECRETS (a JSON object name -> secret) and WEBHOOK_SECRET_<NAME> variables; a name given twice is an error. */
function loadSecrets(env: NodeJS.ProcessEnv): Map<string, string> {
  const secrets = new Map<string, string>();
  const add = (name: string, secret: unknown, source: string): void => {
    if (typeof secret !== 'string' || secret.length === 0) throw new Error(`${source}: the secret "${name}" must be a non-empty string`);
    const key = normaliseSecretName(name);
    if (secrets.has(key))
      throw new Error(`${source}: the webhook secret "${name}" is configured twice (WEBHOOK_SECRETS and ${secretEnvName(name)} name the same secret)`);
    secrets.set(key, secret);
  };
  if (env.WEBHOOK_SECRETS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.WEBHOOK_SECRETS);
    } catch {
      throw new Error('WEBHOOK_SECRETS must be a JSON object {"name": "secret", …}');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('WEBHOOK_SECRETS must be a JSON object {"name": "secret", …}');
    for (const [name, secret] of Object.entries(parsed)) add(name, secret, 'WEBHOOK_SECRETS');
  }
  for (const [variable, secret] of Object.entries(env)) {
    if (variable.startsWith(SECRET_PREFIX) && variable.length > SECRET_PREFIX.length) add(variable.slice(SECRET_PREFIX.length), secret, variable);
  }
  return secrets;
}

export function loadWebhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
  return {
    allowList: parseAllowList(env.WEBHOOK_ALLOWED_HOSTS ?? ''),
    allowPrivate: booleanFrom(env.WEBHOOK_ALLOW_PRIVATE, 'WEBHOOK_ALLOW_PRIVATE'),
    secrets: loadSecrets(env),
    timeoutMs: positiveInt(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS', 300_000),
    maxAttempts: positiveInt(env.WEBHOOK_MAX_ATTEMPTS, 10, 'WEBHOOK_MAX_ATTEMPTS', 32767),
  };
}
