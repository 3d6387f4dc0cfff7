import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { StorableTextGuard } from './storable-text.guard.js';

/**
 * The HTTP edge: every error a route lets out becomes the JSON error body with its status, and text
 * the database cannot store is refused in the path and query before any handler runs. Global
 * guards run in the order their modules are imported: AppModule imports this module after the
 * IdentityModule, so the AuthGuard answers first (401 before 400).
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_GUARD, useClass: StorableTextGuard },
  ],
})
export class HttpModule {}
