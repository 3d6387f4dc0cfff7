// What a card move does to the board as the browser shows it, before the engine answers (the
// optimistic update; the page rolls back to the snapshot when the process refuses): the card leaves
// its column and its totals, and enters the target column in the board's order — soonest next
// contact first, none last, then by id, as GET /board sorts — with the target's totals.
import type { BoardCardView, BoardColumnView, BoardMoneyView, BoardView } from '@stageflow/api-contract';

/** The board's order of cards: by next contact (none last), then by id. */
export function compareCards(a: BoardCardView, b: BoardCardView): number {
  if (a.nextContactAt !== b.nextContactAt) {
    if (a.nextContactAt === null) return 1;
    if (b.nextContactAt === null) return -1;
    return a.nextContactAt < b.nextContactAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The column a card is in, and the card. */
export function findCard(board: BoardView, cardId: string): { column: BoardColumnView; card: BoardCardView } | undefined {
  for (const column of board.columns) {
    const card = column.cards.find((candidate) => candidate.id === cardId);
    if (card) return { column, card };
  }
  return undefined;
}

function weightOf(card: BoardCardView): number {
  return card.value === null ? 0 : (card.value * (card.probability ?? 0)) / 100;
}

/** The totals' money with the card's value added (`sign` 1) or taken away (-1). */
function withValue(values: BoardMoneyView[], card: BoardCardView, sign: 1 | -1): BoardMoneyView[] {
  if (card.value === null) return values;
  const existing = values.find((entry) => entry.currency === card.currency);
  const round = (amount: number): number => Math.round(amount * 100) / 100;
  if (!existing) return sign === 1 ? [...values, { currency: card.currency, value: card.value, weighted: round(weightOf(card)) }] : values;
  return values.map((entry) =>
    entry === existing ? { ...entry, value: round(entry.value + sign * card.value!), weighted: round(entry.weighted + sign * weightOf(card)) } : entry,
  );
}

/**
 * The board with `cardId` moved to the column `to` (a card not on the board, or a move to its own
 * column, leaves the board as it is). `card` is the moved card when it came from a column's later pages.
 */
export function moveCard(board: BoardView, cardId: string, to: string, card?: BoardCardView): BoardView {
  const found = findCard(board, cardId);
  const moving = found?.card ?? card;
  if (!moving || moving.stage === to || !board.columns.some((column) => column.stage === to)) return board;
  const target = board.columns.find((column) => column.stage === to)!;
  const moved: BoardCardView = { ...moving, stage: to, outcome: target.outcome, daysInStage: 0, idle: false, stageEnteredAt: board.now };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stage === moving.stage) {
        return {
          ...column,
          cards: column.cards.filter((candidate) => candidate.id !== cardId),
          totals: { count: Math.max(0, column.totals.count - 1), values: withValue(column.totals.values, moving, -1) },
        };
      }
      if (column.stage === to) {
        return {
          ...column,
          cards: [...column.cards, moved].sort(compareCards),
          totals: { count: column.totals.count + 1, values: withValue(column.totals.values, moving, 1) },
        };
      }
      return column;
    }),
  };
}

/** The stage `steps` columns to the left (-) or right (+) of `stage`, kept inside the board. */
export function neighbourStage(stages: readonly string[], stage: string, steps: number): string {
  const index = stages.indexOf(stage);
  if (index < 0) return stage;
  return stages[Math.min(stages.length - 1, Math.max(0, index + steps))]!;
}
