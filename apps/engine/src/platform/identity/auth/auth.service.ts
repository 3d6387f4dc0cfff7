import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_TOKEN_PREFIX, ApiTokensService } from '../api-tokens/api-tokens.service.js';
import { Unauthorized } from '../../errors/domain-errors.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { UsersService, type UserView } from '../users/users.service.js';
import { JwtSecretService } from './jwt-secret.service.js';
import type { Principal } from './principal.js';
import { isRole } from './role.js';

interface AccessTokenClaims {
  sub: string;
  username: string;
  roles: string[];
  groups: string[];
  exp: number;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The claims this engine signs; a token without an expiry never stops working, so it is refused too. */
function isAccessTokenClaims(value: unknown): value is AccessTokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sub === 'string' &&
    typeof claims.username === 'string' &&
    isStringArray(claims.roles) &&
    isStringArray(claims.groups) &&
    typeof claims.exp === 'number' &&
    Number.isFinite(claims.exp)
  );
}

/** Verified JWTs are remembered briefly: verifying one costs more than the rest of a request. */
const JWT_CACHE_MS = 60_000;
const CACHE_LIMIT = 10_000;

const API_TOKEN_CACHE_MS = 30_000;

@Injectable()
export class AuthService {
  private readonly apiTokenCache = new Map<string, { principal: Principal; until: number }>();
  private readonly jwtCache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly secret: JwtSecretService,
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const user = await this.users.authenticate(username, password);
    if (!user) throw new Unauthorized('wrong username or password');
    const principal = principalOf(user);
    const claims: Omit<AccessTokenClaims, 'exp'> = { sub: principal.userId, username: principal.username, roles: principal.roles, groups: principal.groups };
    const accessToken = await this.jwt.signAsync(claims, { secret: this.secret.secret, expiresIn: this.config.jwtTtlSeconds, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }

  /** Resolves a bearer token (JWT or API token) to the caller; 401 when it is not valid. */
  async authenticate(token: string): Promise<Principal> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.authenticateApiToken(token);
    const now = Date.now();
    const cached = this.jwtCache.get(token);
    if (cached && cached.until > now) return cached.principal;
    let verified: unknown;
    try {
      verified = await this.jwt.verifyAsync<object>(token, { secret: this.secret.secret, algorithms: ['HS256'] });
    } catch {
      throw new Unauthorized('the access token is invalid or expired');
    }
    // A signature proves who made the token, not that it has the shape this engine issues.
    if (!isAccessTokenClaims(verified)) throw new Unauthorized('the access token is invalid or expired');
    const claims = verified;
    const principal: Principal = { userId: claims.sub, username: claims.username, roles: claims.roles.filter(isRole), groups: claims.groups };
    if (this.jwtCache.size >= CACHE_LIMIT) this.jwtCache.clear();
    this.jwtCache.set(token, { principal, until: Math.min(now + JWT_CACHE_MS, claims.exp * 1000) });
    return principal;
  }

  private async authenticateApiToken(token: string): Promise<Principal> {
    const cached = this.apiTokenCache.get(token);
    if (cached && cached.until > Date.now()) return cached.principal;
    const userId = await this.apiTokens.findUserIdByToken(token);
    const user = userId ? await this.users.findById(userId) : undefined;
    if (!user) {
      this.apiTokenCache.delete(token);
      throw new Unauthorized('the API token is invalid or revoked');
    }
    const principal = principalOf(user);
    if (this.apiTokenCache.size >= CACHE_LIMIT) this.apiTokenCache.clear();
    this.apiTokenCache.set(token, { principal, until: Date.now() + API_TOKEN_CACHE_MS });
    return principal;
  }

  forgetApiTokens(): void {
    this.apiTokenCache.clear();
  }
}

/** The caller a user is: their roles, and their teams' names as groups. */
function principalOf(user: UserView): Principal {
  return { userId: user.id, username: user.username, roles: user.roles.filter(isRole), groups: user.teams };
}
