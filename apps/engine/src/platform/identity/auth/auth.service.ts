import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_TOKEN_PREFIX, ApiTokensService } from '../api-tokens/api-tokens.service.js';
import { Invalid, Unauthorized } from '../../errors/domain-errors.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { isUuid } from '../../http/input.js';
import { IdentityChanges, EVERYTHING_CHANGED } from '../identity-changes.js';
import { EndedSessions } from '../sessions/ended-sessions.service.js';
import { UserStatusService } from '../users/user-status.service.js';
import { UsersService, type SignedInUser, type UserView } from '../users/users.service.js';
import { JwtSecretService } from './jwt-secret.service.js';
import type { Principal } from './principal.js';
import { isRole } from './role.js';
import { SignInThrottle } from './sign-in-throttle.service.js';

interface AccessTokenClaims {
  sub: string;
  username: string;
  roles: string[];
  groups: string[];
  /** The user's token epoch when the token was issued: a password change, reset or deactivation moves it on. */
  ep: number;
  /** The browser session (POST /auth/session) the token belongs to; absent in tokens from /auth/login. */
  sid?: string;
  exp: number;
}

/** A session the caller's token belongs to: its id and when its token expires (epoch seconds). */
export interface SessionRef {
  id: string;
  expiresAt: number;
}

/** Who calls, and the session when the token belongs to one. */
export interface Authenticated {
  principal: Principal;
  session?: SessionRef;
}

/** A browser session just started: its token (the cookie's value), the session and its user. */
export interface StartedSession {
  token: string;
  session: SessionRef;
  user: UserView;
  expiresIn: number;
}

interface VerifiedJwt {
  principal: Principal;
  epoch: number;
  session?: SessionRef;
  until: number;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * The claims this engine signs; a token without an expiry never stops working, so it is refused
 * too, and so is one without a token epoch (issued before epochs existed: sign in again).
 */
function isAccessTokenClaims(value: unknown): value is AccessTokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sub === 'string' &&
    isUuid(claims.sub) &&
    Number.isInteger(claims.ep) &&
    (claims.sid === undefined || (typeof claims.sid === 'string' && isUuid(claims.sid))) &&
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
  private readonly jwtCache = new Map<string, VerifiedJwt>();

  constructor(
    private readonly jwt: JwtService,
    private readonly secret: JwtSecretService,
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly status: UserStatusService,
    private readonly throttle: SignInThrottle,
    private readonly changes: IdentityChanges,
    private readonly endedSessions: EndedSessions,
  ) {
    // A token revoked on any node is forgotten by every node at once.
    changes.subscribe((payload) => {
      if (payload === 'api-tokens' || payload === EVERYTHING_CHANGED) this.forgetApiTokens();
    });
  }

  /**
   * Exchanges a username and password for an access token. Throttled per username and per client
   * `address` (SignInThrottle: 429 while locked); an unknown user costs and counts as a wrong password.
   */
  async login(username: string, password: string, address?: string): Promise<LoginResult> {
    return this.issue(await this.signIn(username, password, address));
  }

  /**
   * Starts a browser session (POST /auth/session): signed in and throttled as `login`, the token
   * carries a new session id, which sign-out (`endSession`) ends for good.
   */
  async startSession(username: string, password: string, address?: string): Promise<StartedSession> {
    const signedIn = await this.signIn(username, password, address);
    const id = randomUUID();
    const { accessToken, expiresIn } = await this.issue(signedIn, id);
    return { token: accessToken, session: { id, expiresAt: Math.floor(Date.now() / 1000) + expiresIn }, user: signedIn.user, expiresIn };
  }

  /** Signs the session out on every node: its token is refused from now on, even if replayed. */
  async endSession(session: SessionRef): Promise<void> {
    await this.endedSessions.end(session.id, new Date(session.expiresAt * 1000));
  }

  private async signIn(username: string, password: string, address: string | undefined): Promise<SignedInUser> {
    const attempt = await this.throttle.attempt(username, address);
    const signedIn = await this.users.authenticate(username, password);
    if (!signedIn) throw new Unauthorized('wrong username or password');
    await this.throttle.succeeded(attempt);
    return signedIn;
  }

  /**
   * Changes the caller's own password, throttled like a sign-in (the old password is a password
   * guess too). Every other session of the user ends (the token epoch moves on); the answer is a
   * new access token for this one.
   */
  async changePassword(principal: Principal, oldPassword: string, newPassword: string, address?: string): Promise<LoginResult> {
    const attempt = await this.throttle.attempt(principal.username, address);
    const changed = await this.users.changePassword(principal.userId, oldPassword, newPassword);
    if (!changed) throw Invalid.field('oldPassword', 'is not the current password');
    await this.throttle.succeeded(attempt);
    return this.issue(changed);
  }

  private async issue({ user, tokenEpoch }: SignedInUser, sessionId?: string): Promise<LoginResult> {
    const principal = principalOf(user);
    const claims: Omit<AccessTokenClaims, 'exp'> = {
      sub: principal.userId,
      username: principal.username,
      roles: principal.roles,
      groups: principal.groups,
      ep: tokenEpoch,
      ...(sessionId === undefined ? {} : { sid: sessionId }),
    };
    const accessToken = await this.jwt.signAsync(claims, { secret: this.secret.secret, expiresIn: this.config.jwtTtlSeconds, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }

  /**
   * Resolves a bearer token (JWT or API token) to the caller; 401 when it is not valid. On every
   * request the token's user must exist and be active, and a JWT's epoch must be the user's
   * (UserStatusService: cached briefly, forgotten on every node when the user changes).
   */
  async authenticate(token: string): Promise<Authenticated> {
    if (token.startsWith(API_TOKEN_PREFIX)) return { principal: await this.authenticateApiToken(token) };
    const { principal, epoch, session } = await this.verifyJwt(token);
    const state = await this.status.of(principal.userId);
    if (!state?.active || state.token_epoch !== epoch) throw new Unauthorized('the access token is no longer valid: sign in again');
    if (session && (await this.endedSessions.isEnded(session.id))) throw new Unauthorized('the session has ended: sign in again');
    return { principal, session };
  }

  private async verifyJwt(token: string): Promise<VerifiedJwt> {
    const now = Date.now();
    const cached = this.jwtCache.get(token);
    if (cached && cached.until > now) return cached;
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
    const session = claims.sid === undefined ? undefined : { id: claims.sid, expiresAt: claims.exp };
    const verifiedToken: VerifiedJwt = { principal, epoch: claims.ep, session, until: Math.min(now + JWT_CACHE_MS, claims.exp * 1000) };
    if (this.jwtCache.size >= CACHE_LIMIT) this.jwtCache.clear();
    this.jwtCache.set(token, verifiedToken);
    return verifiedToken;
  }

  private async authenticateApiToken(token: string): Promise<Principal> {
    const principal = await this.apiTokenPrincipal(token);
    // Remembered above for its roles and teams; whether its user is still active is checked every time.
    if (!(await this.status.of(principal.userId))?.active) throw new Unauthorized('the API token is invalid or revoked');
    return principal;
  }

  private async apiTokenPrincipal(token: string): Promise<Principal> {
    // Remembered only while revocations are heard (IdentityChanges), as users' states are.
    const cached = this.apiTokenCache.get(token);
    if (cached && cached.until > Date.now() && this.changes.listening) return cached.principal;
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
