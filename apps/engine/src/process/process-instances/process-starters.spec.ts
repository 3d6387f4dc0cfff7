import type { Principal } from '../../platform/identity/auth/principal.js';
import { mayStart } from './process-starters.js';

const as = (username: string, roles: Principal['roles'], groups: string[] = []): Principal => ({ userId: `id-${username}`, username, roles, groups });

const sellerNorth = as('anna', ['seller'], ['north']);
const sellerSouth = as('bert', ['seller'], ['south']);
const manager = as('mia', ['manager'], ['north']);

describe('mayStart', () => {
  it.each([
    ['admin', as('root', ['admin'])],
    ['integrator', as('bot', ['integrator'])],
    ['analyst', as('ana', ['analyst'])],
  ])('given an %s, when the process declares starters without them or none, then they may start it', (_role, principal) => {
    expect(mayStart(principal, undefined)).toBe(true);
    expect(mayStart(principal, { groups: ['north'], users: ['alice'] })).toBe(true);
    expect(mayStart(principal, { groups: [], users: [] })).toBe(true);
  });

  it('given a process that declares no starters, when a seller starts it, then no; a manager, then yes', () => {
    expect(mayStart(sellerNorth, undefined)).toBe(false);
    expect(mayStart(manager, undefined)).toBe(true);
  });

  it('given starters naming a team, when sellers start, then only its members may', () => {
    const starters = { groups: ['north', 'managers'], users: [] };

    expect(mayStart(sellerNorth, starters)).toBe(true);
    expect(mayStart(sellerSouth, starters)).toBe(false);
  });

  it('given starters naming a user, when that user starts, then yes, whatever the case of the name; others no', () => {
    const starters = { groups: [], users: ['Bert'] };

    expect(mayStart(sellerSouth, starters)).toBe(true);
    expect(mayStart(sellerNorth, starters)).toBe(false);
  });

  it('given starters naming a role, singular or plural, when a holder of the role starts, then yes', () => {
    expect(mayStart(sellerSouth, { groups: ['sellers'], users: [] })).toBe(true);
    expect(mayStart(sellerSouth, { groups: ['seller'], users: [] })).toBe(true);
    expect(mayStart(manager, { groups: ['managers'], users: [] })).toBe(true);
  });

  it('given starters that leave managers out, when a manager outside them starts, then no; inside them (by team), then yes', () => {
    const outsider = as('max', ['manager'], ['south']);

    expect(mayStart(outsider, { groups: ['north'], users: ['alice'] })).toBe(false);
    expect(mayStart(manager, { groups: ['north'], users: [] })).toBe(true);
  });

  it('given a user without any role, when starting anything, then no', () => {
    expect(mayStart(as('nobody', []), undefined)).toBe(false);
    expect(mayStart(as('nobody', []), { groups: ['sellers'], users: [] })).toBe(false);
  });
});
