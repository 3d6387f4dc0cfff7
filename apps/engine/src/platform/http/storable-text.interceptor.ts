// Path parameters and the query string of every route, checked before the handler runs: a NUL, a
// lone surrogate or a %-escape that is not UTF-8 is a 400 naming the parameter (storable-text.ts).
// Bodies are checked where they are parsed (json-body.ts, multipart-upload.interceptor.ts).
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { assertDecodableEscapes, assertStorableText } from './storable-text.js';

@Injectable()
export class StorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const url = request.raw.url ?? request.url;
      const queryAt = url.indexOf('?');
      assertDecodableEscapes(queryAt < 0 ? url : url.slice(0, queryAt), 'path');
      if (queryAt >= 0) assertDecodableEscapes(url.slice(queryAt + 1), 'query');
      assertStorableText(request.params, 'path');
      assertStorableText(request.query, 'query');
    }
    return next.handle();
  }
}
