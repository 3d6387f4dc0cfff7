// Path parameters and the query string of every route, checked before the handler runs: a NUL, a
// lone surrogate or a %-escape that is not UTF-8 is a 400 naming the parameter (storable-text.ts).
// Bodies are checked where they are parsed (json-body.ts, multipart-upload.interceptor.ts).
//
// A guard, not an interceptor: a route with any interceptor runs its handler inside RxJS (defer,
// mergeAll, a ReplaySubject and an async resource per request, then lastValueFrom), which was most
// of what the module split added to a command's CPU (docs/performance.md, "Engine CPU per command").
// A guard that answers a boolean is one call. It runs where the interceptor ran: after the
// AuthGuard (HttpModule is imported after IdentityModule), so a request without a token is still
// 401 before its path is looked at, and before pipes and the handler.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { assertStorableRequestText } from './storable-text.js';

@Injectable()
export class StorableTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      assertStorableRequestText(request.raw.url ?? request.url, request.params, request.query);
    }
    return true;
  }
}
