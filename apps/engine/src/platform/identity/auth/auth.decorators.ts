import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Unauthorized } from '../../errors/domain-errors.js';
import type { SessionRef } from './auth.service.js';
import type { Principal } from './principal.js';
import type { Role } from './role.js';

export const PUBLIC_KEY = 'stageflow:public';
export const ROLES_KEY = 'stageflow:roles';

/** The endpoint needs no token (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the endpoint. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
  /** The browser session the caller's token belongs to (POST /auth/session), if any. */
  session?: SessionRef;
}

/** The caller resolved by the AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('no principal on an authenticated route');
  return request.principal;
});

/** The browser session the caller signed in with (POST /auth/session); 401 when the token belongs to none. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionRef => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.session) throw new Unauthorized('this needs the session cookie of POST /auth/session');
  return request.session;
});
