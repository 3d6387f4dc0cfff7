import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Unauthorized, Forbidden } from '../../errors/domain-errors.js';
import { CSRF_HEADER, csrfTokenMatches, isWriteMethod } from '../sessions/csrf-token.js';
import { sessionCookieFrom } from '../sessions/session-cookie.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import { AuthService, type Authenticated } from './auth.service.js';
import { JwtSecretService } from './jwt-secret.service.js';
import { hasAnyRole } from './principal.js';
import type { Role } from './role.js';

interface RouteAccess {
  isPublic: boolean;
  roles: Role[] | undefined;
}

interface RequestWithHeaders extends AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard: every route needs a bearer token or the session cookie unless marked @Public();
 * @Roles() narrows it. A bearer header wins over a cookie. A write authenticated by the cookie
 * needs the session's CSRF token too (sessions/csrf-token.ts); a bearer header cannot be sent by
 * another site's page, so bearer requests need none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly secret: JwtSecretService,
  ) {}

  /** Per controller class, per handler: a handler inherited by two controllers may differ by the class's metadata. */
  private readonly access = new WeakMap<object, WeakMap<object, RouteAccess>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, roles } = this.accessOf(context.getClass(), context.getHandler());
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<RequestWithHeaders>();
    const { principal, session } = await this.authenticate(request);
    request.principal = principal;
    request.session = session;
    if (roles && !hasAnyRole(principal, roles)) {
      throw new Forbidden(`this needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }

  /**
   * A route's @Public() and @Roles(), read from its metadata once: decorators are applied when the
   * classes are defined, so what the reflector answers never changes; its four metadata lookups on
   * every request were about half of the guard's own CPU (docs/performance.md, "Engine CPU per command").
   */
  private accessOf(controller: object, handler: object): RouteAccess {
    let handlers = this.access.get(controller);
    if (!handlers) {
      handlers = new WeakMap();
      this.access.set(controller, handlers);
    }
    let access = handlers.get(handler);
    if (!access) {
      const targets = [handler, controller] as Parameters<Reflector['getAllAndOverride']>[1];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      };
      handlers.set(handler, access);
    }
    return access;
  }

  private async authenticate(request: RequestWithHeaders): Promise<Authenticated> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      if (!match?.[1]) throw new Unauthorized('an Authorization: Bearer <token> header is required');
      return this.auth.authenticate(match[1]);
    }
    const cookie = sessionCookieFrom(request.headers.cookie);
    if (cookie === undefined) throw new Unauthorized('an Authorization: Bearer <token> header or a session cookie is required');
    const authenticated = await this.auth.authenticate(cookie);
    // Only a session's token is taken from the cookie: its CSRF token is bound to the session.
    if (!authenticated.session) throw new Unauthorized('the session cookie is invalid: sign in again');
    if (isWriteMethod(request.method) && !csrfTokenMatches(this.secret.secret, authenticated.session.id, request.headers[CSRF_HEADER])) {
      throw new Forbidden('a write with the session cookie needs the header X-CSRF-Token with the csrfToken of the session (POST or GET /auth/session)');
    }
    return authenticated;
  }
}
