// Who works in the demo company and where: the users, the two teams and their territories, and the
// territory rule set that places leads (by the landing page of the web form they came through) and
// organizations (by country) — the configuration an administrator makes before the sales team starts.

export type Region = 'north' | 'south';

export interface DemoUser {
  username: string;
  roles: string[];
  teams: Region[];
  skills: string[];
  /** What the user is for, in the summary. */
  role: string;
}

/**
 * Six users: nora and nils sell in the north (nils takes enterprise budgets and key accounts, the
 * skills the standard lead and account packages assign by), sam in the south, maria manages both.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'ana', roles: ['analyst'], teams: [], skills: [], role: 'analyst: processes, rule sets, parameters' },
  { username: 'maria', roles: ['manager'], teams: ['north', 'south'], skills: [], role: 'sales manager of both teams' },
  { username: 'nora', roles: ['seller'], teams: ['north'], skills: [], role: 'seller, north' },
  { username: 'nils', roles: ['seller'], teams: ['north'], skills: ['enterprise', 'key-accounts'], role: 'seller, north: enterprise deals, key accounts' },
  { username: 'sam', roles: ['seller'], teams: ['south'], skills: [], role: 'seller, south' },
];

export const SELLERS: Readonly<Record<Region, readonly string[]>> = { north: ['nora', 'nils'], south: ['sam'] };

/** Each territory's default owner takes the leads placed there (docs/crm.md, "Territories"). */
export const TERRITORIES: readonly { key: Region; name: string; team: Region; defaultOwner: string }[] = [
  { key: 'north', name: 'North (Germany)', team: 'north', defaultOwner: 'nora' },
  { key: 'south', name: 'South (Austria, Switzerland)', team: 'south', defaultOwner: 'sam' },
];

export const LANDING_PAGES: Readonly<Record<Region, readonly string[]>> = {
  north: [
    'https://www.demo-company.example/de/fleet-tracking',
    'https://www.demo-company.example/de/warehouse-scanners',
    'https://www.demo-company.example/de/pricing',
  ],
  south: [
    'https://www.demo-company.example/at/fleet-tracking',
    'https://www.demo-company.example/ch/warehouse-scanners',
    'https://www.demo-company.example/at/pricing',
  ],
};

export const COUNTRIES: Readonly<Record<Region, readonly string[]>> = { north: ['DE'], south: ['AT', 'CH'] };

/** The territory rule set: south by landing page or country, everything else north. */
export function territoryRuleSet(): Record<string, unknown> {
  return {
    key: 'demo-regions',
    name: 'Sales regions',
    kind: 'territory',
    hitPolicy: 'first',
    description: 'Leads by the landing page of their web form, organizations by country; everything else to the north',
    facts: { record: 'object' },
    rules: [
      {
        id: 'south-leads',
        conditions: { all: [{ fact: 'record', path: '$.landingPage', operator: 'in', value: [...LANDING_PAGES.south] }] },
        result: { territory: 'south' },
      },
      {
        id: 'south-organizations',
        conditions: { all: [{ fact: 'record', path: '$.addresses[0].country', operator: 'in', value: [...COUNTRIES.south] }] },
        result: { territory: 'south' },
      },
    ],
    fallback: { territory: 'north' },
  };
}
