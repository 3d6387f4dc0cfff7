// The INSERT … SELECT generate_series statements of the CRM scale generator, one per record table,
// each for a range of row numbers. Every value is a function of (seed, table, row number) through
// PostgreSQL's seeded hashint8extended, so the same seed gives the same rows in any chunking, and a
// row can name another table's row (and that row's owner) by its number without reading it.
import {
  ACTIVITY_SUBJECTS,
  CATALOG_KEYS,
  CLOSED_STAGES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  CURRENCIES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  OPEN_STAGES,
  PHONE_PLANS,
  PRODUCTS,
  TERRITORIES,
  emailLocalPart,
} from './crm-scale-values.js';

export type ScaleTable = 'organization' | 'contact' | 'lead' | 'opportunity' | 'activity';

export interface ScalePeople {
  /** Sellers' user ids and, at the same index, their team's id. */
  sellers: string[];
  sellerTeams: string[];
  teams: string[];
}

export interface ScaleCounts {
  organization: number;
  contact: number;
  lead: number;
  opportunity: number;
  activity: number;
}

export interface ChunkStatement {
  text: string;
  values: unknown[];
}

const TABLE_SALT: Record<ScaleTable, number> = { organization: 1, contact: 2, lead: 3, opportunity: 4, activity: 5 };

/** A uniform pick in [0, n) (an integer; n < 2^31) for row `row` (an SQL expression), stream `stream` of `table`. */
function pick(seed: number, table: ScaleTable, stream: number, n: number | string, row = 'g.i'): string {
  return `abs(hashint8extended(${row}, ${seed * 10_000 + TABLE_SALT[table] * 100 + stream}) % ${n})::int`;
}

/** The deterministic id of row `row` of `table`. */
export function idOf(seed: number, table: ScaleTable, row = 'g.i'): string {
  return `md5('${seed}:${table}:' || ${row})::uuid`;
}

/**
 * The owner slot of row `row` of `table`: below the number of sellers it names a seller; the tenth
 * above it leaves the record unowned, waiting in a team's queue. Activities take their record's slot.
 */
function ownerSlot(seed: number, table: ScaleTable, row = 'g.i'): string {
  return pick(seed, table, 99, '($2::int + $2::int / 9)', row);
}

/** owner_id and team_id from a slot: half of the owned records name their owner's team (imported, handed over), half none (a seller's own create). */
function ownership(slot: string, seed: number, table: ScaleTable): { owner: string; team: string } {
  return {
    owner: `(p.sellers)[${slot} + 1]`,
    team: `CASE WHEN ${slot} >= $2::int THEN (p.teams)[1 + ${slot} % cardinality(p.teams)]
               WHEN ${pick(seed, table, 98, 2)} = 0 THEN (p.seller_teams)[${slot} + 1] END`,
  };
}

/** A timestamp within the year before the anchor ($3), for stream `stream`. */
function withinYear(seed: number, table: ScaleTable, stream: number): string {
  return `($3::timestamptz - make_interval(secs => ${pick(seed, table, stream, 365 * 86_400)}))`;
}

const phonePlans = {
  prefix: PHONE_PLANS.map((plan) => plan.prefix),
  keyPrefix: PHONE_PLANS.map((plan) => plan.keyPrefix),
  digits: PHONE_PLANS.map((plan) => plan.digits),
};

/** Parameters shared by every statement: $1 the lists, $2 sellers count, $3 the anchor, $4/$5 the row range. */
function listsJson(people: ScalePeople): string {
  return JSON.stringify({
    sellers: people.sellers,
    seller_teams: people.sellerTeams,
    teams: people.teams,
    first: FIRST_NAMES.display,
    first_s: FIRST_NAMES.searchable,
    first_e: FIRST_NAMES.display.map(emailLocalPart),
    last: LAST_NAMES.display,
    last_s: LAST_NAMES.searchable,
    last_e: LAST_NAMES.display.map(emailLocalPart),
    word: COMPANY_WORDS.display,
    word_s: COMPANY_WORDS.searchable,
    word_e: COMPANY_WORDS.display.map(emailLocalPart),
    kind: COMPANY_KINDS.display,
    kind_s: COMPANY_KINDS.searchable,
    kind_e: COMPANY_KINDS.display.map(emailLocalPart),
    form: LEGAL_FORMS.display,
    form_s: LEGAL_FORMS.searchable,
    domains: EMAIL_DOMAINS,
    phone_prefix: phonePlans.prefix,
    phone_key: phonePlans.keyPrefix,
    phone_digits: phonePlans.digits,
    territories: TERRITORIES,
    industries: CATALOG_KEYS.industries,
    relation_types: CATALOG_KEYS.relationTypes,
    org_categories: CATALOG_KEYS.organizationCategories,
    contact_categories: CATALOG_KEYS.contactCategories,
    request_types: CATALOG_KEYS.requestTypes,
    channels: CATALOG_KEYS.leadChannels,
    lost_reasons: CATALOG_KEYS.lostReasons,
    open_stages: OPEN_STAGES,
    closed_stages: CLOSED_STAGES.map((closed) => closed.stage),
    closed_outcomes: CLOSED_STAGES.map((closed) => closed.outcome),
    products: PRODUCTS,
    currencies: CURRENCIES,
    subjects: ACTIVITY_SUBJECTS.display,
    subjects_s: ACTIVITY_SUBJECTS.searchable,
  });
}

/** The lists as typed arrays (alias p), read once per statement from the JSON parameter $1. */
const LISTS = `(SELECT ${[
  'sellers uuid',
  'seller_teams uuid',
  'teams uuid',
  ...[
    'first',
    'first_s',
    'first_e',
    'last',
    'last_s',
    'last_e',
    'word',
    'word_s',
    'word_e',
    'kind',
    'kind_s',
    'kind_e',
    'form',
    'form_s',
    'domains',
    'phone_prefix',
    'phone_key',
    'territories',
    'industries',
    'relation_types',
    'org_categories',
    'contact_categories',
    'request_types',
    'channels',
    'lost_reasons',
    'open_stages',
    'closed_stages',
    'closed_outcomes',
    'products',
    'currencies',
    'subjects',
    'subjects_s',
  ].map((name) => `${name} text`),
  'phone_digits int',
]
  .map((spec) => {
    const [name, type] = spec.split(' ');
    return `ARRAY(SELECT jsonb_array_elements_text($1::jsonb -> '${name}'))::${type}[] AS ${name}`;
  })
  .join(', ')}) p`;

/** A phone number (display and E.164 key) of stream `stream`: a plan, then as many digits as it has. */
function phone(seed: number, table: ScaleTable, stream: number): { display: string; key: string; plan: string } {
  const plan = `(1 + ${pick(seed, table, stream, 'cardinality(p.phone_prefix)')})`;
  const digits = `lpad((${pick(seed, table, stream + 1, 100_000_000)} % (10 ^ (p.phone_digits)[${plan}])::bigint)::text, (p.phone_digits)[${plan}], '0')`;
  return { display: `(p.phone_prefix)[${plan}] || ${digits}`, key: `(p.phone_key)[${plan}] || ${digits}`, plan };
}

/** The element of list `list` at a pick of stream `stream` (1-based), as an SQL expression of its index. */
function at(seed: number, table: ScaleTable, stream: number, list: string): string {
  return `(1 + ${pick(seed, table, stream, `cardinality(p.${list})`)})`;
}

function organizations(seed: number): string {
  const t: ScaleTable = 'organization';
  const { owner, team } = ownership('x.slot', seed, t);
  const ph = phone(seed, t, 10);
  return `
    INSERT INTO crm_organizations (id, name, legal_id, industry, category, relation_type, phones, emails, website, territory, parent_id,
                                   owner_id, team_id, search_text, email_keys, phone_keys, legal_id_key, created_at, updated_at)
    SELECT ${idOf(seed, t)}, y.name, y.legal_id, (p.industries)[${at(seed, t, 20, 'industries')}], (p.org_categories)[${at(seed, t, 21, 'org_categories')}],
           (p.relation_types)[${at(seed, t, 22, 'relation_types')}], ARRAY[y.phone], ARRAY[y.email], 'https://www.' || y.domain,
           (p.territories)[${at(seed, t, 23, 'territories')}],
           CASE WHEN g.i > 1000 AND ${pick(seed, t, 24, 20)} = 0 THEN ${idOf(seed, t, `(1 + ${pick(seed, t, 25, 1000)})`)} END,
           ${owner}, ${team}, y.name_s || ' ' || y.email || ' ' || y.phone_key, ARRAY[y.email], ARRAY[y.phone_key], y.legal_id, x.created, x.created + (x.created_to_now / 3)
      FROM ${LISTS}, generate_series($4::int, $5::int) g(i)
     CROSS JOIN LATERAL (SELECT ${ownerSlot(seed, t)} AS slot, ${at(seed, t, 1, 'word')} AS w, ${at(seed, t, 2, 'kind')} AS k, ${at(seed, t, 3, 'form')} AS f,
                                ${at(seed, t, 4, 'last')} AS l, ${pick(seed, t, 5, 2)} = 0 AS with_last, ${at(seed, t, 6, 'domains')} AS d,
                                ${withinYear(seed, t, 7)} AS created) x0
     CROSS JOIN LATERAL (SELECT x0.*, $3::timestamptz - x0.created AS created_to_now) x
     CROSS JOIN LATERAL (SELECT
         (p.word)[x.w] || CASE WHEN x.with_last THEN ' ' || (p.last)[x.l] ELSE '' END || ' ' || (p.kind)[x.k] || ' ' || (p.form)[x.f] AS name,
         (p.word_s)[x.w] || CASE WHEN x.with_last THEN ' ' || (p.last_s)[x.l] ELSE '' END || ' ' || (p.kind_s)[x.k] || ' ' || (p.form_s)[x.f] AS name_s,
         (p.word_e)[x.w] || '-' || (p.kind_e)[x.k] || g.i || '.' || (p.domains)[x.d] AS domain,
         'info@' || (p.word_e)[x.w] || '-' || (p.kind_e)[x.k] || g.i || '.' || (p.domains)[x.d] AS email,
         ${ph.display} AS phone, ${ph.key} AS phone_key,
         upper(reverse(split_part(reverse((p.domains)[x.d]), '.', 1))) || lpad(${pick(seed, t, 8, 1_000_000_000)}::text, 9, '0') AS legal_id) y`;
}

function contacts(seed: number): string {
  const t: ScaleTable = 'contact';
  const { owner, team } = ownership('x.slot', seed, t);
  const ph1 = phone(seed, t, 10);
  const ph2 = phone(seed, t, 12);
  return `
    INSERT INTO crm_contacts (id, first_name, last_name, category, phones, emails, preferred_channel, consent_email, consent_phone, consent_sms,
                              territory, owner_id, team_id, search_text, email_keys, phone_keys, created_at, updated_at)
    SELECT ${idOf(seed, t)}, (p.first)[x.f], (p.last)[x.l], (p.contact_categories)[${at(seed, t, 20, 'contact_categories')}],
           y.phones, ARRAY[y.email], (ARRAY['phone', 'email', 'sms', 'messenger', 'post'])[1 + ${pick(seed, t, 21, 5)}],
           ${pick(seed, t, 22, 3)} > 0, ${pick(seed, t, 23, 2)} = 0, ${pick(seed, t, 24, 4)} = 0,
           (p.territories)[${at(seed, t, 25, 'territories')}], ${owner}, ${team},
           (p.first_s)[x.f] || ' ' || (p.last_s)[x.l] || ' ' || y.email || ' ' || array_to_string(y.phone_keys, ' '),
           ARRAY[y.email], y.phone_keys, x.created, x.created
      FROM ${LISTS}, generate_series($4::int, $5::int) g(i)
     CROSS JOIN LATERAL (SELECT ${ownerSlot(seed, t)} AS slot, ${at(seed, t, 1, 'first')} AS f, ${at(seed, t, 2, 'last')} AS l,
                                ${at(seed, t, 3, 'domains')} AS d, ${pick(seed, t, 4, 10)} < 3 AS two_phones, ${withinYear(seed, t, 7)} AS created) x
     CROSS JOIN LATERAL (SELECT
         (p.first_e)[x.f] || '.' || (p.last_e)[x.l] || g.i || '@' || (p.domains)[x.d] AS email,
         CASE WHEN x.two_phones THEN ARRAY[${ph1.display}, ${ph2.display}] ELSE ARRAY[${ph1.display}] END AS phones,
         CASE WHEN x.two_phones THEN ARRAY[${ph1.key}, ${ph2.key}] ELSE ARRAY[${ph1.key}] END AS phone_keys) y`;
}

function leads(seed: number, counts: ScaleCounts): string {
  const t: ScaleTable = 'lead';
  const { owner, team } = ownership('x.slot', seed, t);
  const ph = phone(seed, t, 10);
  return `
    INSERT INTO crm_leads (id, title, channel, request_type, products, contact_name, emails, phones, budget, authority, need, timeline,
                           classification, status, contact_id, organization_id, territory, owner_id, team_id, search_text, email_keys, phone_keys,
                           created_at, updated_at)
    SELECT ${idOf(seed, t)}, y.title, (p.channels)[${at(seed, t, 20, 'channels')}], (p.request_types)[${at(seed, t, 21, 'request_types')}],
           (p.products)[x.pr],
           y.contact_name, ARRAY[y.email], ARRAY[y.phone], (${pick(seed, t, 23, 500)} * 1000)::numeric,
           (ARRAY['decision-maker', 'influencer', 'user', 'unknown'])[1 + ${pick(seed, t, 24, 4)}],
           (ARRAY['high', 'medium', 'low', 'unknown'])[1 + ${pick(seed, t, 25, 4)}], (x.created + make_interval(days => ${pick(seed, t, 26, 180)}))::date,
           (ARRAY['expected-buyer', 'nurturable', 'no-prospect', NULL])[1 + ${pick(seed, t, 27, 4)}],
           (ARRAY['new', 'working', 'nurturing', 'converted', 'parked', 'disqualified'])[1 + ${pick(seed, t, 28, 6)}],
           CASE WHEN ${pick(seed, t, 29, 2)} = 0 THEN ${idOf(seed, 'contact', `(1 + ${pick(seed, t, 30, counts.contact)})`)} END,
           CASE WHEN ${pick(seed, t, 31, 2)} = 0 THEN ${idOf(seed, 'organization', `(1 + ${pick(seed, t, 32, counts.organization)})`)} END,
           (p.territories)[${at(seed, t, 33, 'territories')}], ${owner}, ${team},
           y.title_s || ' ' || y.contact_name_s || ' ' || y.email || ' ' || y.phone_key, ARRAY[y.email], ARRAY[y.phone_key], x.created, x.created
      FROM ${LISTS}, generate_series($4::int, $5::int) g(i)
     CROSS JOIN LATERAL (SELECT ${ownerSlot(seed, t)} AS slot, ${at(seed, t, 1, 'first')} AS f, ${at(seed, t, 2, 'last')} AS l, ${at(seed, t, 3, 'word')} AS w,
                                ${at(seed, t, 4, 'products')} AS pr, ${at(seed, t, 5, 'domains')} AS d, ${withinYear(seed, t, 7)} AS created) x
     CROSS JOIN LATERAL (SELECT
         (p.products)[x.pr] || ' for ' || (p.word)[x.w] AS title, lower((p.products)[x.pr]) || ' for ' || (p.word_s)[x.w] AS title_s,
         (p.first)[x.f] || ' ' || (p.last)[x.l] AS contact_name, (p.first_s)[x.f] || ' ' || (p.last_s)[x.l] AS contact_name_s,
         (p.first_e)[x.f] || '.' || (p.last_e)[x.l] || '.lead' || g.i || '@' || (p.domains)[x.d] AS email,
         ${ph.display} AS phone, ${ph.key} AS phone_key) y`;
}

function opportunities(seed: number, counts: ScaleCounts): string {
  const t: ScaleTable = 'opportunity';
  const { owner, team } = ownership('x.slot', seed, t);
  return `
    INSERT INTO crm_opportunities (id, name, value, currency, expected_decision_date, probability, stage, next_contact_at, organization_id, contact_id,
                                   lead_id, outcome, lost_reason, owner_id, team_id, search_text, created_at, updated_at)
    SELECT ${idOf(seed, t)}, y.name, (${pick(seed, t, 20, 2000)} * 250)::numeric, (p.currencies)[${at(seed, t, 21, 'currencies')}],
           (x.created + make_interval(days => 30 + ${pick(seed, t, 22, 180)}))::date, CASE WHEN x.closed THEN NULL ELSE 10 * (1 + ${pick(seed, t, 23, 9)}) END,
           y.stage, CASE WHEN NOT x.closed THEN $3::timestamptz + make_interval(hours => ${pick(seed, t, 24, 24 * 60)}) END,
           ${idOf(seed, 'organization', `(1 + ${pick(seed, t, 25, counts.organization)})`)},
           ${idOf(seed, 'contact', `(1 + ${pick(seed, t, 26, counts.contact)})`)},
           CASE WHEN ${pick(seed, t, 27, 3)} = 0 THEN ${idOf(seed, 'lead', `(1 + ${pick(seed, t, 28, counts.lead)})`)} END,
           y.outcome, CASE WHEN y.outcome = 'lost' THEN (p.lost_reasons)[${at(seed, t, 29, 'lost_reasons')}] END,
           ${owner}, ${team}, y.name_s, x.created, x.created
      FROM ${LISTS}, generate_series($4::int, $5::int) g(i)
     CROSS JOIN LATERAL (SELECT ${ownerSlot(seed, t)} AS slot, ${at(seed, t, 1, 'word')} AS w, ${at(seed, t, 2, 'kind')} AS k,
                                ${at(seed, t, 3, 'products')} AS pr, ${pick(seed, t, 4, 100)} AS fate, ${withinYear(seed, t, 7)} AS created) x0
     CROSS JOIN LATERAL (SELECT x0.*, x0.fate < 20 AS closed) x
     CROSS JOIN LATERAL (SELECT
         (p.word)[x.w] || ' ' || (p.kind)[x.k] || ': ' || (p.products)[x.pr] AS name,
         (p.word_s)[x.w] || ' ' || (p.kind_s)[x.k] || ': ' || lower((p.products)[x.pr]) AS name_s,
         CASE WHEN x.fate < 8 THEN (p.closed_stages)[1] WHEN x.fate < 20 THEN (p.closed_stages)[2] ELSE (p.open_stages)[1 + x.fate % cardinality(p.open_stages)] END AS stage,
         CASE WHEN x.fate < 8 THEN (p.closed_outcomes)[1] WHEN x.fate < 20 THEN (p.closed_outcomes)[2] END AS outcome) y`;
}

/** Activities hang on one record each (40% deals, 30% contacts, 15% leads, 15% organizations) and belong to that record's owner. */
function activities(seed: number, counts: ScaleCounts): string {
  const t: ScaleTable = 'activity';
  const target = (table: ScaleTable, count: number) => `(1 + ${pick(seed, t, 30 + TABLE_SALT[table], count)})`;
  const slotOf = (table: ScaleTable) => ownerSlot(seed, table, target(table, counts[table]));
  const slot = `CASE WHEN x0.tgt < 40 THEN ${slotOf('opportunity')} WHEN x0.tgt < 70 THEN ${slotOf('contact')}
                     WHEN x0.tgt < 85 THEN ${slotOf('lead')} ELSE ${slotOf('organization')} END`;
  const { owner, team } = ownership('x.slot', seed, t);
  return `
    INSERT INTO crm_activities (id, kind, subject, body, organization_id, contact_id, lead_id, opportunity_id, due_at, done, outcome, owner_id, team_id,
                                search_text, created_at, updated_at)
    SELECT ${idOf(seed, t)}, (ARRAY['call', 'meeting', 'email', 'task', 'note'])[1 + ${pick(seed, t, 20, 5)}], (p.subjects)[x.s],
           CASE WHEN ${pick(seed, t, 21, 3)} = 0 THEN 'Notes: ' || (p.subjects)[x.s] || ' with ' || (p.first)[${at(seed, t, 22, 'first')}] END,
           CASE WHEN x.tgt >= 85 THEN ${idOf(seed, 'organization', target('organization', counts.organization))} END,
           CASE WHEN x.tgt >= 40 AND x.tgt < 70 THEN ${idOf(seed, 'contact', target('contact', counts.contact))} END,
           CASE WHEN x.tgt >= 70 AND x.tgt < 85 THEN ${idOf(seed, 'lead', target('lead', counts.lead))} END,
           CASE WHEN x.tgt < 40 THEN ${idOf(seed, 'opportunity', target('opportunity', counts.opportunity))} END,
           x.due, x.due < $3::timestamptz AND ${pick(seed, t, 23, 10)} > 0,
           CASE WHEN x.due < $3::timestamptz AND ${pick(seed, t, 24, 4)} = 0 THEN 'Reached, follow up next week' END,
           ${owner}, ${team}, (p.subjects_s)[x.s], x.created, x.created
      FROM ${LISTS}, generate_series($4::int, $5::int) g(i)
     CROSS JOIN LATERAL (SELECT ${pick(seed, t, 1, 100)} AS tgt, ${at(seed, t, 2, 'subjects')} AS s, ${withinYear(seed, t, 7)} AS created) x0
     CROSS JOIN LATERAL (SELECT x0.*, ${slot} AS slot, x0.created + make_interval(hours => ${pick(seed, t, 3, 24 * 21)}) AS due) x`;
}

/** The statement that writes rows `from`..`to` (1-based, inclusive) of `table`. */
export function chunkStatement(
  table: ScaleTable,
  seed: number,
  counts: ScaleCounts,
  people: ScalePeople,
  anchor: Date,
  from: number,
  to: number,
): ChunkStatement {
  const text = {
    organization: () => organizations(seed),
    contact: () => contacts(seed),
    lead: () => leads(seed, counts),
    opportunity: () => opportunities(seed, counts),
    activity: () => activities(seed, counts),
  }[table]();
  return { text, values: [listsJson(people), people.sellers.length, anchor.toISOString(), from, to] };
}
