// Start-up: PostgreSQL (external or embedded), migrations, the admin user, then the HTTP API.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module.js';
import { toErrorBody } from './common/api-exception.filter.js';
import { loadEngineConfig } from './config/engine-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './database/embedded-postgres.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { UsersService } from './users/users.service.js';

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

/** express.json, but its errors (413 too large, 400 malformed) answer in the API's JSON error format. */
function jsonBodyParser(limit: string) {
  const parse = express.json({ limit, strict: true });
  return (request: Request, response: Response, next: NextFunction): void => {
    parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const { status, body } = toErrorBody(error);
      response.status(status).json(body);
    });
  };
}

async function main(): Promise<void> {
  const config = loadEngineConfig(process.env, projectRoot());
  const verbosity = process.env.STAGEFLOW_LOG_LEVEL ?? 'warn';
  const levels: LogLevel[] = verbosity === 'debug' ? ['error', 'warn', 'log', 'debug'] : verbosity === 'log' ? ['error', 'warn', 'log'] : ['error', 'warn'];
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    try {
      embedded = await startEmbeddedPostgres({ pgDir: join(config.dataDir, 'pg'), database: 'stageflow', log: say });
    } catch (error) {
      logger.error(`cannot start the embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    databaseUrl = embedded.databaseUrl;
  }

  let app: NestExpressApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    try {
      await app?.close();
    } catch (error) {
      logger.error(`closing the app failed: ${String(error)}`);
    }
    try {
      await embedded?.stop();
      if (embedded) say('embedded PostgreSQL stopped');
    } catch (error) {
      logger.error(`stopping the embedded PostgreSQL failed: ${String(error)}`);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, databaseUrl), { bodyParser: false, logger: levels });
    app.disable('x-powered-by');
    app.use(jsonBodyParser(config.jsonBodyLimit));
    app.setGlobalPrefix('api/v1');

    const document = createOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

    await app.get(UsersService).ensureAdmin();
    await app.listen(config.port);
    say(`engine listening on http://localhost:${config.port} (API /api/v1, docs /api/docs)`);
  } catch (error) {
    logger.error(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
