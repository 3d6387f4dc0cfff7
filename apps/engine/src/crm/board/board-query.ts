// The query string of the board's routes: the filters (`ownerId`, `teamId`, `territory`,
// `productId`), the cards per column (`limit`), and for a column's next cards its `stage` and the
// `cursor` of the page before. Filters only narrow: they are ANDed with the caller's visibility in
// every statement (board.repository.ts), so no filter shows a deal the caller may not see.
import { Invalid } from '../../platform/errors/domain-errors.js';
import { isUuid, type JsonObject } from '../../platform/http/input.js';

export const DEFAULT_CARDS = 20;
export const MAX_CARDS = 100;

export interface BoardFilters {
  /** A seller's deals; null: the deals waiting in a team's queue (no owner). */
  ownerId?: string | null;
  /** Deals of the team: in its queue, or owned by one of its members. */
  teamId?: string;
  /** Deals whose organization is in the territory. */
  territory?: string;
  /** Deals with a line of the product. */
  productId?: string;
}

/** Where a column's page starts: after the card with this sort value (next contact as UTC text, `infinity` for none) and id. */
export interface BoardCursor {
  after: string;
  id: string;
}

export interface BoardQuery {
  filters: BoardFilters;
  limit: number;
}

export interface BoardCardsQuery extends BoardQuery {
  stage: string;
  cursor: BoardCursor | undefined;
}

const FILTERS = ['ownerId', 'teamId', 'territory', 'productId'];

export function encodeBoardCursor(cursor: BoardCursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.after, id: cursor.id })).toString('base64url');
}

function decodeBoardCursor(raw: string): BoardCursor {
  try {
    const { a, id } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { a?: unknown; id?: unknown };
    if (typeof id === 'string' && isUuid(id) && typeof a === 'string' && (a === 'infinity' || !Number.isNaN(Date.parse(a)))) return { after: a, id };
  } catch {
    // refused below
  }
  throw Invalid.field('cursor', "is not a cursor of this column (take it from the column's nextCursor)");
}

function single(query: JsonObject, key: string): string {
  const value = query[key];
  if (typeof value !== 'string') throw Invalid.field(key, 'must be given once');
  return value;
}

function uuidOf(query: JsonObject, key: string): string {
  const value = single(query, key);
  if (!isUuid(value)) throw Invalid.field(key, 'must be a UUID');
  return value;
}

function parseFilters(query: JsonObject): BoardFilters {
  const filters: BoardFilters = {};
  if (query.ownerId !== undefined) filters.ownerId = single(query, 'ownerId') === 'null' ? null : uuidOf(query, 'ownerId');
  if (query.teamId !== undefined) filters.teamId = uuidOf(query, 'teamId');
  if (query.territory !== undefined) {
    const territory = single(query, 'territory');
    if (territory.length === 0 || territory.length > 200) throw Invalid.field('territory', 'must be a territory key of 1 to 200 characters');
    filters.territory = territory;
  }
  if (query.productId !== undefined) filters.productId = uuidOf(query, 'productId');
  return filters;
}

function parseLimit(query: JsonObject): number {
  if (query.limit === undefined) return DEFAULT_CARDS;
  const limit = Number(single(query, 'limit'));
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CARDS) throw Invalid.field('limit', `must be an integer between 1 and ${MAX_CARDS}`);
  return limit;
}

function refuseUnknown(query: JsonObject, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) throw Invalid.field(key, `is not a parameter of this route (parameters: ${allowed.join(', ')})`);
  }
}

/** GET /board: the filters and the cards per column. */
export function parseBoardQuery(query: JsonObject): BoardQuery {
  refuseUnknown(query, [...FILTERS, 'limit']);
  return { filters: parseFilters(query), limit: parseLimit(query) };
}

/** GET /board/cards: one column's next cards. */
export function parseBoardCardsQuery(query: JsonObject): BoardCardsQuery {
  refuseUnknown(query, [...FILTERS, 'limit', 'stage', 'cursor']);
  if (query.stage === undefined) throw Invalid.field('stage', 'is required: the column whose cards to read');
  const stage = single(query, 'stage');
  if (stage.length === 0 || stage.length > 100) throw Invalid.field('stage', 'must be a stage name of 1 to 100 characters');
  const cursor = query.cursor === undefined ? undefined : decodeBoardCursor(single(query, 'cursor'));
  return { filters: parseFilters(query), limit: parseLimit(query), stage, cursor };
}
