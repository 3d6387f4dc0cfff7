// GET /api/v1/board and GET /api/v1/board/cards: the pipeline board — the opportunity process's
// stages as columns, each with its totals and its first page of cards (docs/crm.md, "The pipeline board").
import {
  array,
  boolean,
  described,
  instant,
  integer,
  named,
  nullable,
  object,
  ref,
  string,
  stringEnum,
  uuid,
  type NonNullSchema,
} from '../schemas/json-schema.js';

const number: NonNullSchema = { type: 'number' };

/** The deals of a column in one currency: their value and their value weighted by probability. */
export interface BoardMoneyView {
  currency: string | null;
  value: number;
  weighted: number;
}

export interface BoardTotalsView {
  /** Every deal of the column the caller sees (with the filters). */
  count: number;
  /** Per currency, for the deals that have a value. */
  values: BoardMoneyView[];
}

export interface BoardCardView {
  id: string;
  name: string;
  value: number | null;
  currency: string | null;
  probability: number | null;
  stage: string;
  outcome: 'won' | 'lost' | null;
  organization: { id: string; name: string } | null;
  owner: { id: string; username: string } | null;
  teamId: string | null;
  nextContactAt: string | null;
  expectedDecisionDate: string | null;
  /** When the deal entered its stage (its last stage change; its creation when it has none). */
  stageEnteredAt: string;
  daysInStage: number;
  /** Open and in its stage for at least the package's `stageIdleDays`. */
  idle: boolean;
  version: number;
}

export interface BoardColumnView {
  stage: string;
  /** The outcome a deal in this column has (a closing column: Won, Lost), else null. */
  outcome: 'won' | 'lost' | null;
  /** The stages the diagram's elements of this stage accept a move to (latest version; the process decides). */
  accepts: string[];
  totals: BoardTotalsView;
  /** The first cards, soonest next contact first (none last). */
  cards: BoardCardView[];
  /** Pass as `cursor` to GET /board/cards?stage= for the next cards; null when there are no more. */
  nextCursor: string | null;
}

export interface BoardView {
  /** The process new opportunities start (null: none is configured, and the board has no columns). */
  processKey: string | null;
  /** The package parameter the idle marks are judged by (null: the process has none). */
  stageIdleDays: number | null;
  /** The database clock's time of the answer. */
  now: string;
  columns: BoardColumnView[];
}

export interface BoardCardPageView {
  stage: string;
  items: BoardCardView[];
  nextCursor: string | null;
}

const OUTCOMES = ['won', 'lost'] as const;

export const boardCardSchema = named<BoardCardView>('board-card', {
  id: uuid,
  name: string,
  value: nullable(number),
  currency: nullable(string),
  probability: nullable(integer),
  stage: string,
  outcome: nullable(stringEnum(OUTCOMES)),
  organization: nullable(object<{ id: string; name: string }>({ id: uuid, name: string })),
  owner: nullable(object<{ id: string; username: string }>({ id: uuid, username: string })),
  teamId: nullable(uuid),
  nextContactAt: nullable(instant),
  expectedDecisionDate: nullable(described(string, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  stageEnteredAt: described(instant, 'When the deal entered its stage (its last stage change; its creation when it has none).'),
  daysInStage: integer,
  idle: described(boolean, "Open and in its stage for at least the package's stageIdleDays."),
  version: integer,
});

const totalsSchema = object<BoardTotalsView>({
  count: integer,
  values: array(object<BoardMoneyView>({ currency: nullable(string), value: number, weighted: number })),
});

export const boardSchema = named<BoardView>('board', {
  processKey: nullable(string),
  stageIdleDays: nullable(integer),
  now: instant,
  columns: array(
    object<BoardColumnView>({
      stage: string,
      outcome: nullable(stringEnum(OUTCOMES)),
      accepts: array(string),
      totals: totalsSchema,
      cards: array(ref(boardCardSchema)),
      nextCursor: described(nullable(string), 'Pass as `cursor` to GET /board/cards?stage= for the next cards; null when there are no more.'),
    }),
  ),
});

export const boardCardPageSchema = named<BoardCardPageView>('board-card-page', {
  stage: string,
  items: array(ref(boardCardSchema)),
  nextCursor: nullable(string),
});
