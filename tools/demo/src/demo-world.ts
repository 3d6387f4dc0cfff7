// Who works in the demo company and where: the users, the teams (two regions and the account
// managers) and the regions' territories, the standard packages' parameters that name them, and the
// territory rule set that places leads (by the landing page of the web form they came through) and
// organizations (by country) — the configuration an administrator makes before the sales team starts.

export type Region = 'north' | 'south';

/**
 * The teams the demo creates: the regions, and `account-managers`, the team the account package's
 * assignment rule set (process-definitions/account/rules/account-assignment.rule-set.json) gives
 * the onboarding of won deals under 100,000 to in turn — without it those tasks would wait in the
 * unsorted queue.
 */
export const DEMO_TEAMS = ['north', 'south', 'account-managers'] as const;
export type DemoTeam = (typeof DEMO_TEAMS)[number];

export interface DemoUser {
  username: string;
  roles: string[];
  teams: DemoTeam[];
  skills: string[];
  /** What the user is for, in the summary. */
  role: string;
}

/**
 * Six users and the admin: nora and nils sell in the north (nils takes enterprise budgets and key
 * accounts, the skills the standard lead and account packages assign by), sam in the south, kim
 * onboards and manages the other won customers (the account-managers team), maria manages the
 * regions' sellers (not a member of account-managers: its round robin would give her onboarding turns).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'ana', roles: ['analyst'], teams: [], skills: [], role: 'analyst: processes, rule sets, parameters' },
  { username: 'maria', roles: ['manager'], teams: ['north', 'south'], skills: [], role: 'sales manager of both regions' },
  { username: 'nora', roles: ['seller'], teams: ['north'], skills: [], role: 'seller, north' },
  { username: 'nils', roles: ['seller'], teams: ['north'], skills: ['enterprise', 'key-accounts'], role: 'seller, north: enterprise deals, key accounts' },
  { username: 'sam', roles: ['seller'], teams: ['south'], skills: [], role: 'seller, south' },
  { username: 'kim', roles: ['seller'], teams: ['account-managers'], skills: [], role: 'account manager: onboards won customers (deals under 100,000)' },
];

/**
 * The standard packages' parameters that name users and teams, as the demo sets them: the manager
 * hears of every expected buyer (lead), both regions work the deal stages (opportunity).
 */
export const DEMO_PARAMETERS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  lead: { notifyUsers: ['maria'] },
  opportunity: { dealTeams: ['north', 'south'] },
};

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
