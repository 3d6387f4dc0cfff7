import { checkAddress, isHostAllowed, parseAllowList } from './address-policy.js';

describe('webhook address policy', () => {
  const list = parseAllowList('hooks.example.com, *.crm.example.net 127.0.0.1 10.20.0.0/16 [fd00::5]');

  it('given an allow-list, when hosts are checked, then exact names, sub-domains of *.domain and listed addresses pass and nothing else', () => {
    expect(isHostAllowed('hooks.example.com', list)).toBe(true);
    expect(isHostAllowed('HOOKS.example.com.', list)).toBe(true);
    expect(isHostAllowed('eu.crm.example.net', list)).toBe(true);
    expect(isHostAllowed('crm.example.net', list)).toBe(false);
    expect(isHostAllowed('evil-crm.example.net', list)).toBe(false);
    expect(isHostAllowed('example.com', list)).toBe(false);
    expect(isHostAllowed('hooks.example.com.evil.io', list)).toBe(false);
    expect(isHostAllowed('127.0.0.1', list)).toBe(true);
    expect(isHostAllowed('127.0.0.2', list)).toBe(false);
    expect(isHostAllowed('10.20.3.4', list)).toBe(true);
    expect(isHostAllowed('[fd00::5]', list)).toBe(true);
  });

  it('given an empty allow-list, when any host is checked, then it is refused; given *, any host passes', () => {
    expect(isHostAllowed('hooks.example.com', parseAllowList(''))).toBe(false);
    expect(isHostAllowed('anything.example.org', parseAllowList('*'))).toBe(true);
  });

  it('given resolved addresses, when checked, then only public unicast passes by default and each refusal names its range', () => {
    const none = parseAllowList('*');
    expect(checkAddress('93.184.216.34', none, false)).toEqual({ allowed: true });
    expect(checkAddress('2606:2800:220:1::1', none, false)).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.1', none, false)).toEqual({ allowed: false, range: 'loopback' });
    expect(checkAddress('::1', none, false)).toEqual({ allowed: false, range: 'loopback' });
    expect(checkAddress('::ffff:127.0.0.1', none, false)).toEqual({ allowed: false, range: 'loopback' });
    expect(checkAddress('10.0.0.7', none, false)).toEqual({ allowed: false, range: 'private' });
    expect(checkAddress('192.168.1.1', none, false)).toEqual({ allowed: false, range: 'private' });
    expect(checkAddress('172.16.0.1', none, false)).toEqual({ allowed: false, range: 'private' });
    expect(checkAddress('169.254.169.254', none, false)).toEqual({ allowed: false, range: 'linkLocal' });
    expect(checkAddress('fe80::1', none, false)).toEqual({ allowed: false, range: 'linkLocal' });
    expect(checkAddress('fd12:3456::1', none, false)).toEqual({ allowed: false, range: 'uniqueLocal' });
    expect(checkAddress('100.64.0.1', none, false)).toEqual({ allowed: false, range: 'carrierGradeNat' });
  });

  it('given WEBHOOK_ALLOW_PRIVATE or a listed address, when a private address is checked, then it passes; unspecified and multicast never do', () => {
    expect(checkAddress('10.0.0.7', parseAllowList(''), true)).toEqual({ allowed: true });
    expect(checkAddress('127.0.0.1', list, false)).toEqual({ allowed: true });
    expect(checkAddress('10.20.9.9', list, false)).toEqual({ allowed: true });
    expect(checkAddress('10.21.0.1', list, false)).toEqual({ allowed: false, range: 'private' });
    expect(checkAddress('0.0.0.0', parseAllowList(''), true)).toEqual({ allowed: false, range: 'unspecified' });
    expect(checkAddress('224.0.0.1', parseAllowList(''), true)).toEqual({ allowed: false, range: 'multicast' });
  });

  it('given an entry of no known form, when parsed, then it throws naming the entry', () => {
    expect(() => parseAllowList('hooks.example.com, hooks.example.org:8443')).toThrow(/"hooks.example.org:8443" is neither/);
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/"10.0.0.0\/99" is not a CIDR range/);
  });
});
