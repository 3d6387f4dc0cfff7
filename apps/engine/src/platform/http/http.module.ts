import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { StorableTextInterceptor } from './storable-text.interceptor.js';

/**
 * The HTTP edge: every error a route lets out becomes the JSON error body with its status, and text
 * the database cannot store is refused in the path and query before any handler runs.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: StorableTextInterceptor },
  ],
})
export class HttpModule {}
