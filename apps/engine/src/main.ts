// Start-up: PostgreSQL (external or embedded), migrations, the admin user, then the HTTP API.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import multipart from '@fastify/multipart';
import { packageLimits } from '@stageflow/process-package';
import { AppModule } from './app.module.js';
import { loadEngineConfig, type EngineConfig } from './platform/config/engine-config.js';
import { retryWhileUnavailable } from './platform/database/while-unavailable.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './platform/database/embedded-postgres.js';
import { answerFrameworkError } from './platform/http/framework-errors.js';
import { byteLimit, installBodyParsers } from './platform/http/json-body.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installWebApp } from './platform/http/web-app.js';
import { JobRunnerService } from './platform/jobs/job-runner.service.js';
import { createOpenApiDocument } from './platform/openapi/openapi-document.js';
import { UsersService } from './platform/identity/users/users.service.js';
import { ProcessEngine } from './process/index.js';
import { StandardPackages } from './standard-packages.js';

const logger = new Logger('Stageflow');

/** Start-up lines for the operator, printed whatever the Nest log level. */
function say(message: string): void {
  process.stdout.write(`[stageflow] ${message}\n`);
}

/** The monorepo root (holds nx.json) when run from a checkout, else the working directory. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

/**
 * Fastify rather than Express: less CPU per request (routing, body parsing, replies), which on a
 * CPU-bound machine is throughput (docs/performance.md). Routing matches as Express did:
 * case-insensitive, a trailing slash ignored, long path parameters allowed. `trustProxy`
 * (STAGEFLOW_TRUST_PROXY) decides whose X-Forwarded-For and X-Forwarded-Proto count.
 */
function httpAdapter(trustProxy: EngineConfig['trustProxy']): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 1000 },
    frameworkErrors: answerFrameworkError,
  });
}

/**
 * Every interface, as Express (Node's server.listen without a host) listened: '::' (IPv4 too)
 * where IPv6 is available, else '0.0.0.0'. Fastify's own default would be localhost only.
 */
function allInterfaces(): string {
  const ipv6 = Object.values(networkInterfaces()).some((addresses) => addresses?.some((address) => address.family === 'IPv6'));
  return ipv6 ? '::' : '0.0.0.0';
}

/** One step of the shutdown: a failure is logged and the next step still runs. */
async function step(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    logger.error(`${what} failed: ${String(error)}`);
  }
}

/**
 * The standard packages, new or newer than deployed, before the API answers: a fresh start serves
 * the standard processes from its first request. A package that fails is logged and skipped.
 */
async function deployStandardPackages(app: NestFastifyApplication, folder: string): Promise<void> {
  const outcomes = await new StandardPackages(app.get(ProcessEngine), new Logger('StandardPackages')).deployFolder(folder);
  for (const outcome of outcomes) {
    if (outcome.outcome !== 'deployed') continue;
    const from = outcome.previous === undefined ? '' : ` (was ${outcome.previous})`;
    say(`standard package ${outcome.name} ${outcome.version} deployed${from}`);
  }
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadEngineConfig>;
  try {
    config = loadEngineConfig(process.env, projectRoot());
  } catch (error) {
    logger.error(`bad configuration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const verbosity = process.env.STAGEFLOW_LOG_LEVEL ?? 'warn';
  const levels: LogLevel[] = verbosity === 'debug' ? ['error', 'warn', 'log', 'debug'] : verbosity === 'log' ? ['error', 'warn', 'log'] : ['error', 'warn'];
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    try {
      // Detached: a Ctrl-C at the terminal reaches this process only, which stops the server last.
      embedded = await startEmbeddedPostgres({ pgDir: join(config.dataDir, 'pg'), database: 'stageflow', log: say, detached: true });
    } catch (error) {
      logger.error(`cannot start the embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    databaseUrl = embedded.databaseUrl;
  }

  let app: NestFastifyApplication | undefined;
  let stopping = false;
  // Each step still needs what the next one takes away: requests in flight and running jobs
  // use the interpreter workers and the database pools, the pools need the server. (Nest's own
  // app.close() would end the interpreter workers alongside the job runner.)
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    await step('stopping the HTTP server', async () => {
      // No new requests; those in flight are answered.
      await app?.getHttpAdapter().close();
    });
    await step('stopping the job runner', async () => {
      // No new jobs; running ones finish or are released for another node.
      await app?.get(JobRunnerService).stop();
    });
    await step('closing the app', async () => {
      // The rest, database pools last (TypeORM's module).
      await app?.close();
    });
    await step('stopping the embedded PostgreSQL', async () => {
      await embedded?.stop();
      if (embedded) say('embedded PostgreSQL stopped');
    });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, databaseUrl), httpAdapter(config.trustProxy), {
      bodyParser: false,
      logger: levels,
    });
    const fastify = app.getHttpAdapter().getInstance();
    installBodyParsers(fastify, byteLimit(config.jsonBodyLimit), packageLimits.maxArchiveBytes);
    installSecurityHeaders(fastify);
    await installWebApp(fastify, config.webAppDir);
    // multipart/form-data is read by the deployments route itself (MultipartUploadInterceptor).
    await app.register(multipart);
    app.setGlobalPrefix('api/v1');

    const document = createOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

    // A node started while the database restarts waits for it rather than exiting.
    await retryWhileUnavailable(() => app!.get(UsersService).ensureAdmin(), { timeoutMs: 60_000, delayMs: 500 });
    if (config.standardPackagesDir !== undefined) {
      // The modules' init hooks first (listen would run them): the CRM plugs its custom fields and
      // record types into the engine there, and the standard packages have both.
      await app.init();
      await deployStandardPackages(app, config.standardPackagesDir);
    }
    await app.listen(config.port, allInterfaces());
    say(`engine listening on http://localhost:${config.port} (web app /, API /api/v1, docs /api/docs)`);
    if (!existsSync(join(config.webAppDir, 'index.html'))) say(`the web app is not built (${config.webAppDir} has no index.html): npm run build`);
  } catch (error) {
    logger.error(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
