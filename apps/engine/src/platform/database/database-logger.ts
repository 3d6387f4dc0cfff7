// TypeORM's log, through Nest's logger, without statements' parameters: its own loggers print
// them with a failed query, and they carry password hashes, token hashes and variable payloads.
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';
import { loggableError } from '../errors/loggable-error.js';

/** The first part of a statement: enough to find it in the code, not a dump of a long one. */
const STATEMENT_CHARS = 300;

export class DatabaseLogger implements Logger {
  private readonly nest = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const statement = query.replace(/\s+/g, ' ').trim().slice(0, STATEMENT_CHARS);
    this.nest.warn(`statement failed: ${typeof error === 'string' ? error : loggableError(error)} — ${statement}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.nest.warn(`slow statement (${time} ms): ${query.replace(/\s+/g, ' ').trim().slice(0, STATEMENT_CHARS)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.nest.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.nest.warn(String(message));
    else this.nest.log(String(message));
  }
}
