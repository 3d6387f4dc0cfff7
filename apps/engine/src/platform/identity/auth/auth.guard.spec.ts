import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, Roles } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthService, Authenticated } from './auth.service.js';
import type { JwtSecretService } from './jwt-secret.service.js';

class OpenController {
  @Public()
  health(): void {}

  @Roles('admin')
  settings(): void {}

  anyone(): void {}
}

@Roles('manager')
class ManagersController {}

const seller: Authenticated = { principal: { userId: 'u1', username: 'sam', roles: ['seller'], groups: [] } };

function guardWith(calls: string[]): AuthGuard {
  const auth = {
    authenticate: (token: string): Promise<Authenticated> => {
      calls.push(token);
      return Promise.resolve(seller);
    },
  } as unknown as AuthService;
  return new AuthGuard(new Reflector(), auth, { secret: 'secret' } as JwtSecretService);
}

/** A request with a bearer token to `handler` of `controller`. */
function call(controller: object, handler: object): ExecutionContext {
  const request = { method: 'GET', headers: { authorization: 'Bearer token-1' } };
  return {
    getClass: () => controller,
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  it('lets a @Public() route through without asking who calls, every time', async () => {
    const calls: string[] = [];
    const guard = guardWith(calls);
    for (let i = 0; i < 2; i++) await expect(guard.canActivate(call(OpenController, OpenController.prototype.health))).resolves.toBe(true);
    expect(calls).toEqual([]);
  });

  it("refuses a caller without the route's role on every request, and admits any caller where no role is named", async () => {
    const calls: string[] = [];
    const guard = guardWith(calls);
    for (let i = 0; i < 2; i++) {
      await expect(guard.canActivate(call(OpenController, OpenController.prototype.settings))).rejects.toThrow('this needs one of the roles admin');
    }
    await expect(guard.canActivate(call(OpenController, OpenController.prototype.anyone))).resolves.toBe(true);
    expect(calls).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('reads the roles of the class the handler is called on, when one handler serves two controllers', async () => {
    const guard = guardWith([]);
    const handler = OpenController.prototype.anyone;
    await expect(guard.canActivate(call(OpenController, handler))).resolves.toBe(true);
    await expect(guard.canActivate(call(ManagersController, handler))).rejects.toThrow('this needs one of the roles manager');
    await expect(guard.canActivate(call(OpenController, handler))).resolves.toBe(true);
  });
});
