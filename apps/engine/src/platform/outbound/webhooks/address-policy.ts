// Where a webhook may go. Two checks, both at delivery time:
// 1. the URL's host is on the allow-list (WEBHOOK_ALLOWED_HOSTS): a name, `*.suffix`, an
//    address or a CIDR range; `*` allows any host;
// 2. the address the host RESOLVES to is public — private, loopback, link-local, unique-local,
//    carrier-grade NAT and every other special range are refused unless WEBHOOK_ALLOW_PRIVATE
//    is true or that address is itself on the allow-list. Checking what a name resolves to at
//    delivery (and connecting to exactly that address, see webhook-http-client.ts) defeats DNS
//    rebinding: an allowed name that later resolves to 127.0.0.1 or the cloud metadata address
//    is refused.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowList {
  anyHost: boolean;
  /** Exact host names, lower case, without a trailing dot. */
  names: ReadonlySet<string>;
  /** `*.example.com` kept as `.example.com`: matches sub-domains, not the domain itself. */
  suffixes: readonly string[];
  /** Addresses and CIDR ranges. */
  ranges: readonly [Address, number][];
  /** The entries as written, for messages. */
  text: string;
}

/** Ranges never called even with WEBHOOK_ALLOW_PRIVATE: they name no single receiver. */
const NEVER = new Set(['unspecified', 'multicast', 'broadcast']);

function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

function parseAddress(text: string): Address {
  // ipaddr.process turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it carries.
  return ipaddr.process(text);
}

/** `WEBHOOK_ALLOWED_HOSTS`: entries separated by commas or white space. Throws on an entry that is none of the forms. */
export function parseAllowList(text: string): AllowList {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ranges: [Address, number][] = [];
  let anyHost = false;
  for (const raw of text.split(/[\s,]+/).filter((entry) => entry.length > 0)) {
    const entry = normaliseHost(raw);
    if (entry === '*') {
      anyHost = true;
    } else if (entry.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(`WEBHOOK_ALLOWED_HOSTS: "${raw}" is not a CIDR range`);
      }
    } else if (isIP(entry) !== 0) {
      const address = parseAddress(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.startsWith('*.') && /^[a-z0-9.-]+$/.test(entry.slice(2))) {
      suffixes.push(entry.slice(1));
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
      names.add(entry);
    } else {
      throw new Error(`WEBHOOK_ALLOWED_HOSTS: "${raw}" is neither a host name, *.domain, an IP address nor a CIDR range`);
    }
  }
  return { anyHost, names, suffixes, ranges, text: text.trim() };
}

function inRanges(address: Address, list: AllowList): boolean {
  return list.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** Is the URL's host (a name or an address literal) on the allow-list? */
export function isHostAllowed(host: string, list: AllowList): boolean {
  if (list.anyHost) return true;
  const name = normaliseHost(host);
  if (isIP(name) !== 0) return inRanges(parseAddress(name), list);
  return list.names.has(name) || list.suffixes.some((suffix) => name.endsWith(suffix));
}

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/**
 * May a webhook connect to this resolved address? Public unicast addresses: yes. Special ranges
 * (named as ipaddr.js names them: private, loopback, linkLocal, uniqueLocal, carrierGradeNat, …):
 * only with WEBHOOK_ALLOW_PRIVATE or when the address is on the allow-list.
 */
export function checkAddress(text: string, list: AllowList, allowPrivate: boolean): AddressVerdict {
  const address = parseAddress(text);
  const range = address.range();
  if (range === 'unicast') return { allowed: true };
  if (NEVER.has(range)) return { allowed: false, range };
  if (allowPrivate || inRanges(address, list)) return { allowed: true };
  return { allowed: false, range };
}
