// What the demo engine holds, read back through the API (not from the plan): the figures the
// first run prints, docs/performance.md quotes and the API test checks.
import { isDeepStrictEqual } from 'node:util';
import type { DemoApi, Json } from './demo-api.js';

export interface DemoCounts {
  leads: Record<string, number>;
  leadStatuses: Record<string, number>;
  opportunities: Record<string, number>;
  organizations: number;
  contacts: number;
  activities: number;
  processInstances: Record<string, number>;
  openTasks: number;
  emails: number;
  openIncidents: number;
}

/**
 * A text field to page each collection by. Not the default sort (`-createdAt`): its cursor carries
 * the time to the millisecond while PostgreSQL keeps microseconds, so a page boundary inside a
 * millisecond skips the records created in the rest of it — which the demo's concurrent writes hit.
 */
const PAGE_SORT: Record<string, string> = {
  '/leads': 'title',
  '/opportunities': 'name',
  '/organizations': 'name',
  '/contacts': 'lastName',
  '/activities': 'subject',
};

/** Every record of a collection the admin sees, page by page. */
async function allRecords(admin: DemoApi, path: string): Promise<Json[]> {
  const records: Json[] = [];
  let cursor: string | null = null;
  do {
    const query = `?sort=${PAGE_SORT[path] ?? 'createdAt'}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Json[]; nextCursor: string | null } = await admin.get(`${path}${query}`);
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return records;
}

function countBy(records: Json[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const key = String(record[field] ?? 'none');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

async function total(admin: DemoApi, path: string): Promise<number> {
  return (await admin.get<{ total: number }>(`${path}${path.includes('?') ? '&' : '?'}limit=1`)).total;
}

export async function demoCounts(admin: DemoApi): Promise<DemoCounts> {
  const leads = await allRecords(admin, '/leads');
  const opportunities = await allRecords(admin, '/opportunities');
  const processInstances: Record<string, number> = {};
  for (const key of ['lead-generation', 'opportunity-pipeline', 'account-management'])
    for (const state of ['active', 'completed', 'terminated', 'incident']) {
      const count = await total(admin, `/process-instances?definitionKey=${key}&state=${state}`);
      if (count > 0) processInstances[`${key} ${state}`] = count;
    }
  return {
    leads: countBy(leads, 'classification'),
    leadStatuses: countBy(leads, 'status'),
    opportunities: countBy(opportunities, 'stage'),
    organizations: (await allRecords(admin, '/organizations')).length,
    contacts: (await allRecords(admin, '/contacts')).length,
    activities: (await allRecords(admin, '/activities')).length,
    processInstances,
    openTasks: await total(admin, '/tasks?state=created'),
    emails: await total(admin, '/emails'),
    openIncidents: await total(admin, '/incidents?state=open'),
  };
}

/**
 * The counts once two readings a second apart agree: the processes go on working after the last
 * answer the demo waited for (a contact plan's first call, a promotion note), at most `tries` readings.
 */
export async function settledCounts(admin: DemoApi, tries = 20): Promise<DemoCounts> {
  let counts = await demoCounts(admin);
  for (let attempt = 1; attempt < tries; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await demoCounts(admin);
    if (isDeepStrictEqual(again, counts)) return again;
    counts = again;
  }
  return counts;
}

export function describeCounts(counts: DemoCounts): string[] {
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([key, count]) => `${count} ${key}`)
      .join(', ');
  const leadTotal = Object.values(counts.leads).reduce((sum, count) => sum + count, 0);
  const dealTotal = Object.values(counts.opportunities).reduce((sum, count) => sum + count, 0);
  return [
    `leads: ${leadTotal} (${list(counts.leads)}; status ${list(counts.leadStatuses)})`,
    `opportunities: ${dealTotal} (${list(counts.opportunities)})`,
    `organizations: ${counts.organizations}, contacts: ${counts.contacts}, activities: ${counts.activities}`,
    `process instances: ${list(counts.processInstances)}`,
    `open tasks: ${counts.openTasks}, e-mails in the outbox: ${counts.emails}, open incidents: ${counts.openIncidents}`,
  ];
}
