// The CRM scale measurements (issue 11, "Scale") on a generated database: N concurrent HTTP clients,
// each logged in as a different user, in four windows —
//   1. sellers: list pages of every record type (first page with a filter and a sort, then the page
//      after it through its cursor) and the global search (part of a name, an e-mail, a phone);
//   2. managers: the same requests (a manager's visibility is another SQL condition than a seller's);
//   3. managers: the pipeline per stage — the opportunities list filtered by an open stage, no outcome,
//      sorted by value: the crm has no pipeline endpoint of its own, a Kanban column is this list;
//   4. sellers: record writes — PATCH of their own opportunities and leads (the write, its history
//      row and the update hooks run in one transaction: RecordsService.update).
// The search terms are taken from the rows each user sees, read from the database beforehand.
import pg from 'pg';
import { EngineApi } from '../http/engine-api.js';
import { HttpClient } from '../http/http-client.js';
import { CpuMeter, type CpuUsage } from '../stats/cpu-meter.js';
import { summarize, type LatencySummary } from '../stats/percentiles.js';
import type { ScaleUser } from './crm-scale-people.js';
import { OPEN_STAGES } from './crm-scale-values.js';

export interface ScaleLoadOptions {
  baseUrl: URL;
  databaseUrl: string;
  sellers: ScaleUser[];
  managers: ScaleUser[];
  clients: number;
  warmupSeconds: number;
  seconds: number;
  watchProcesses: () => Record<string, number[]>;
  log: (line: string) => void;
}

export interface ScaleWindow {
  name: string;
  role: 'seller' | 'manager';
  users: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorSamples: string[];
  cpu: CpuUsage;
  latencyMs: Record<string, LatencySummary>;
}

export interface WriteCheck {
  /** PATCHes answered 200 in the write window. */
  writes: number;
  /** History rows the window's writes added (one per write that changed something). */
  historyRows: number;
  /** Records whose version moved by exactly the number of writes made to them. */
  versionsMatch: boolean;
}

export interface ScaleLoadResult {
  windows: ScaleWindow[];
  writeCheck: WriteCheck;
}

/** One kind of request a client makes: `run` returns the measured calls it made ([name, ms]). */
type Probe = (client: Client, round: number) => Promise<[string, number][]>;

interface Client {
  http: HttpClient;
  user: ScaleUser;
  terms: SearchTerms;
}

interface SearchTerms {
  names: string[];
  emails: string[];
  phones: string[];
  opportunities: string[];
  leads: string[];
}

/** List requests: a filter and a sort of each record type (docs/crm.md). */
const LISTS: { type: string; query: string }[] = [
  { type: 'organizations', query: 'industry=retail&sort=name' },
  { type: 'contacts', query: 'category=decision-maker&sort=lastName' },
  { type: 'leads', query: 'status=new&sort=-createdAt' },
  { type: 'opportunities', query: 'currency=EUR&sort=-value' },
  { type: 'activities', query: 'done=false&sort=dueAt' },
];

async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await call();
  return [result, performance.now() - startedAt];
}

function itemsOf(body: unknown): { items: unknown[]; nextCursor: string | null } {
  const page = body as { items?: unknown; nextCursor?: unknown };
  if (!Array.isArray(page?.items)) throw new Error(`no items in ${JSON.stringify(body).slice(0, 200)}`);
  return { items: page.items, nextCursor: typeof page.nextCursor === 'string' ? page.nextCursor : null };
}

const listProbes: Probe[] = LISTS.map(({ type, query }) => async (client) => {
  const [first, firstMs] = await timed(() => client.http.send('GET', `/api/v1/${type}?${query}&limit=50`));
  const { nextCursor } = itemsOf(first.body);
  if (nextCursor === null) return [[`${type}: first page`, firstMs]];
  const [next, nextMs] = await timed(() => client.http.send('GET', `/api/v1/${type}?${query}&limit=50&cursor=${encodeURIComponent(nextCursor)}`));
  itemsOf(next.body);
  return [
    [`${type}: first page`, firstMs],
    [`${type}: cursor page`, nextMs],
  ];
});

function pickOf<T>(values: T[], round: number): T | undefined {
  return values.length === 0 ? undefined : values[round % values.length];
}

const searchProbes: Probe[] = [
  ['search: part of a name', (terms: SearchTerms) => terms.names],
  ['search: e-mail', (terms: SearchTerms) => terms.emails],
  ['search: phone', (terms: SearchTerms) => terms.phones],
].map(([name, termsOf]) => {
  const label = name as string;
  const of = termsOf as (terms: SearchTerms) => string[];
  return async (client: Client, round: number): Promise<[string, number][]> => {
    const term = pickOf(of(client.terms), round) ?? 'mül';
    const [response, ms] = await timed(() => client.http.send('GET', `/api/v1/search?q=${encodeURIComponent(term)}`));
    itemsOf(response.body);
    return [[label, ms]];
  };
});

const pipelineProbes: Probe[] = OPEN_STAGES.map((stage) => async (client) => {
  const [response, ms] = await timed(() =>
    client.http.send('GET', `/api/v1/opportunities?stage=${encodeURIComponent(stage)}&outcome=null&sort=-value&limit=50`),
  );
  itemsOf(response.body);
  return [[`pipeline: ${stage}`, ms]];
});

/** Writes: a seller's own deal (probability, next contact) and lead (status, budget). */
function writeProbes(patched: Map<string, number>): Probe[] {
  const patch = (type: 'opportunities' | 'leads', body: (round: number) => object): Probe => {
    return async (client, round) => {
      const id = pickOf(type === 'opportunities' ? client.terms.opportunities : client.terms.leads, round);
      if (id === undefined) return [];
      const [response, ms] = await timed(() => client.http.send('PATCH', `/api/v1/${type}/${id}`, body(round)));
      if ((response.body as { id?: unknown }).id !== id) throw new Error(`PATCH ${type}/${id} answered ${JSON.stringify(response.body).slice(0, 200)}`);
      patched.set(id, (patched.get(id) ?? 0) + 1);
      return [[`PATCH ${type}`, ms]];
    };
  };
  // Values no earlier run wrote (the nonce), so every write changes something and writes its history.
  const nonce = Date.now() % 1_000_000;
  return [
    patch('opportunities', (round) => ({
      probability: 5 + (round % 19) * 5,
      nextContactAt: new Date(Date.UTC(2027, 0, 1) + (nonce + round) * 60_000).toISOString(),
    })),
    patch('leads', (round) => ({ status: round % 2 === 0 ? 'working' : 'nurturing', budget: 1000 + nonce + round })),
  ];
}

/** Search terms and own records of `user`, from the rows they see (own records; a manager: their team's). */
async function termsFor(db: pg.Client, user: ScaleUser, role: 'seller' | 'manager'): Promise<SearchTerms> {
  // Both parameters in both conditions: PostgreSQL refuses a parameter a statement does not use.
  const owners =
    role === 'seller'
      ? 'owner_id = $1::uuid AND $2::uuid IS NOT NULL'
      : '$1::uuid IS NOT NULL AND owner_id IN (SELECT id FROM users WHERE $2::uuid = ANY(team_ids))';
  const contacts = await db.query<{ last_name: string; first_name: string; emails: string[]; phones: string[] }>(
    `SELECT last_name, first_name, emails, phones FROM crm_contacts WHERE ${owners} ORDER BY id LIMIT 40`,
    [user.id, user.teamId],
  );
  const ids = async (table: string): Promise<string[]> =>
    (await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${owners} ORDER BY id LIMIT 200`, [user.id, user.teamId])).rows.map((row) => row.id);
  return {
    // The first four letters of a last name ("Müll", "Garc"), half of them typed without the accent.
    names: contacts.rows.map((row, n) => {
      const part = row.last_name.slice(0, 4);
      return n % 2 === 0 ? part : part.normalize('NFD').replace(/\p{M}/gu, '');
    }),
    // An e-mail in full, or its local part only.
    emails: contacts.rows.map((row, n) => (n % 2 === 0 ? row.emails[0] : row.emails[0].split('@')[0])),
    // A phone as written, and as digits only with the country code.
    phones: contacts.rows.map((row, n) => (n % 2 === 0 ? row.phones[0] : row.phones[0].replace(/\s/g, ''))),
    opportunities: role === 'seller' ? await ids('crm_opportunities') : [],
    leads: role === 'seller' ? await ids('crm_leads') : [],
  };
}

export async function runScaleLoad(options: ScaleLoadOptions): Promise<ScaleLoadResult> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const opened: HttpClient[] = [];
  const clientsAs = async (role: 'seller' | 'manager'): Promise<Client[]> => {
    const users = role === 'seller' ? options.sellers : options.managers;
    // One after another: they share one database client, which runs one query at a time.
    const clients: Client[] = [];
    for (let n = 0; n < options.clients; n++) {
      const user = users[(n * 7) % users.length];
      const http = new HttpClient(options.baseUrl, 1);
      opened.push(http);
      http.authorize(await new EngineApi(http).login(user.username, user.password));
      clients.push({ http, user, terms: await termsFor(db, user, role) });
    }
    return clients;
  };

  const window = async (name: string, role: 'seller' | 'manager', clients: Client[], probes: Probe[]): Promise<ScaleWindow> => {
    const errorSamples: string[] = [];
    let errors = 0;
    let requests = 0;
    // Rounds go on from the warm-up into the measurement, so no write repeats one the warm-up made (which would change nothing).
    const rounds = clients.map((_, n) => n);
    const phase = async (seconds: number, samples: Map<string, number[]> | undefined): Promise<void> => {
      const deadline = performance.now() + seconds * 1000;
      await Promise.all(
        clients.map(async (client, n) => {
          for (; performance.now() < deadline; rounds[n]++) {
            const round = rounds[n];
            try {
              for (const [call, ms] of await probes[round % probes.length](client, Math.floor(round / probes.length))) {
                if (!samples) continue;
                requests += 1;
                const list = samples.get(call) ?? [];
                list.push(ms);
                samples.set(call, list);
              }
            } catch (error) {
              errors += 1;
              if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
              if (errors > 50) throw new Error(`${name}: more than 50 failed requests; first: ${errorSamples.join(' | ')}`);
            }
          }
        }),
      );
    };
    options.log(`crm-scale ${name}: ${clients.length} clients, ${options.warmupSeconds} s warm-up + ${options.seconds} s`);
    await phase(options.warmupSeconds, undefined);
    const samples = new Map<string, number[]>();
    const cpu = new CpuMeter(options.watchProcesses());
    const startedAt = performance.now();
    await phase(options.seconds, samples);
    const elapsed = (performance.now() - startedAt) / 1000;
    return {
      name,
      role,
      users: new Set(clients.map((client) => client.user.id)).size,
      requests,
      requestsPerSecond: requests / elapsed,
      errors,
      errorSamples,
      cpu: cpu.read(),
      latencyMs: Object.fromEntries([...samples].map(([call, values]) => [call, summarize(values)])),
    };
  };

  try {
    const sellers = await clientsAs('seller');
    const managers = await clientsAs('manager');
    const windows: ScaleWindow[] = [];
    windows.push(await window('lists and search as sellers', 'seller', sellers, [...listProbes, ...searchProbes]));
    windows.push(await window('lists and search as managers', 'manager', managers, [...listProbes, ...searchProbes]));
    windows.push(await window('pipeline per stage as managers', 'manager', managers, pipelineProbes));

    const patched = new Map<string, number>();
    const historyBefore = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM crm_record_history')).rows[0].n);
    const versionsBefore = await versions(db, sellers);
    windows.push(await window('record writes as sellers', 'seller', sellers, writeProbes(patched)));
    const historyAfter = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM crm_record_history')).rows[0].n);
    const versionsAfter = await versions(db, sellers);
    const writes = [...patched.values()].reduce((sum, n) => sum + n, 0);
    const versionsMatch = [...patched].every(([id, n]) => (versionsAfter.get(id) ?? 0) - (versionsBefore.get(id) ?? 0) === n);
    return { windows, writeCheck: { writes, historyRows: historyAfter - historyBefore, versionsMatch } };
  } finally {
    for (const http of opened) http.close();
    await db.end();
  }
}

/** The version of every deal and lead the sellers may write in the write window. */
async function versions(db: pg.Client, clients: Client[]): Promise<Map<string, number>> {
  const ids = clients.flatMap((client) => [...client.terms.opportunities, ...client.terms.leads]);
  const rows = await db.query<{ id: string; version: number }>(
    'SELECT id, version FROM crm_opportunities WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, version FROM crm_leads WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.rows.map((row) => [row.id, row.version]));
}
