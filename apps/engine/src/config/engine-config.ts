// Reads the engine's settings from the environment once, at start-up.
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
  /** Worker threads that run the interpreter. */
  interpreterWorkers: number;
  /** Wall-clock limit of one command inside the interpreter, in milliseconds. */
  commandTimeoutMs: number;
  /** Heap limit of one interpreter worker, in MB. */
  workerMaxHeapMb: number;
  /** Atomic interpreter steps per command before a loop is stopped with an incident. */
  maxSteps: number;
  /** Connections in the PostgreSQL pool. */
  dbPoolSize: number;
  jsonBodyLimit: string;
  uploadLimitBytes: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

export function loadEngineConfig(env: NodeJS.ProcessEnv, cwd: string): EngineConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port: intFrom(env.PORT, 3000, 'PORT'),
    dataDir: env.STAGEFLOW_DATA_DIR || `${cwd}/.stageflow`,
    adminPassword: env.STAGEFLOW_ADMIN_PASSWORD || undefined,
    jwtSecret: env.STAGEFLOW_JWT_SECRET || undefined,
    jwtTtlSeconds: intFrom(env.STAGEFLOW_JWT_TTL_SECONDS, 12 * 3600, 'STAGEFLOW_JWT_TTL_SECONDS'),
    interpreterWorkers: intFrom(env.STAGEFLOW_INTERPRETER_WORKERS, 2, 'STAGEFLOW_INTERPRETER_WORKERS'),
    commandTimeoutMs: intFrom(env.STAGEFLOW_COMMAND_TIMEOUT_MS, 2000, 'STAGEFLOW_COMMAND_TIMEOUT_MS'),
    workerMaxHeapMb: intFrom(env.STAGEFLOW_WORKER_MAX_HEAP_MB, 128, 'STAGEFLOW_WORKER_MAX_HEAP_MB'),
    maxSteps: intFrom(env.STAGEFLOW_MAX_STEPS, 10000, 'STAGEFLOW_MAX_STEPS'),
    dbPoolSize: intFrom(env.STAGEFLOW_DB_POOL_SIZE, 20, 'STAGEFLOW_DB_POOL_SIZE'),
    jsonBodyLimit: '1mb',
    uploadLimitBytes: 5 * 1024 * 1024,
  };
}

/** Injection token of the EngineConfig. */
export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');
