import type { BoardCardView, BoardColumnView, BoardView } from '@stageflow/api-contract';
import { compareCards, moveCard, neighbourStage } from './board-moves';

const card = (id: string, fields: Partial<BoardCardView> = {}): BoardCardView => ({
  id,
  name: `deal ${id}`,
  value: null,
  currency: null,
  probability: null,
  stage: 'Identification',
  outcome: null,
  organization: null,
  owner: null,
  teamId: null,
  nextContactAt: null,
  expectedDecisionDate: null,
  stageEnteredAt: '2026-12-01T00:00:00.000Z',
  daysInStage: 6,
  idle: false,
  version: 1,
  ...fields,
});
const column = (stage: string, cards: BoardCardView[], totals: BoardColumnView['totals']): BoardColumnView => ({
  stage,
  outcome: stage === 'Won' ? 'won' : null,
  accepts: [],
  totals,
  cards,
  nextCursor: null,
});

const fleet = card('b', { value: 1000, currency: 'EUR', probability: 50, nextContactAt: '2026-12-09T10:00:00.000Z', idle: true, daysInStage: 20 });
const board: BoardView = {
  processKey: 'opportunity-pipeline',
  stageIdleDays: 14,
  now: '2026-12-07T12:00:00.000Z',
  columns: [
    column('Identification', [fleet, card('a')], { count: 5, values: [{ currency: 'EUR', value: 3000, weighted: 900 }] }),
    column(
      'Qualification',
      [
        card('c', { stage: 'Qualification', nextContactAt: '2026-12-08T10:00:00.000Z' }),
        card('d', { stage: 'Qualification', nextContactAt: '2026-12-10T10:00:00.000Z' }),
      ],
      { count: 2, values: [] },
    ),
    column('Won', [], { count: 0, values: [] }),
  ],
};

describe('moving a card on the board before the engine answers', () => {
  it('takes the card and its value out of its column and puts it into the target in the board order, with the totals', () => {
    const moved = moveCard(board, 'b', 'Qualification');
    expect(moved.columns[0]!.cards.map((c) => c.id)).toEqual(['a']);
    expect(moved.columns[0]!.totals).toEqual({ count: 4, values: [{ currency: 'EUR', value: 2000, weighted: 400 }] });
    expect(moved.columns[1]!.cards.map((c) => c.id)).toEqual(['c', 'b', 'd']);
    expect(moved.columns[1]!.totals).toEqual({ count: 3, values: [{ currency: 'EUR', value: 1000, weighted: 500 }] });
    expect(moved.columns[1]!.cards[1]).toMatchObject({ stage: 'Qualification', idle: false, daysInStage: 0, stageEnteredAt: board.now });
  });

  it('gives a card moved to a closing column that column’s outcome, and leaves the board alone for a move to nowhere', () => {
    expect(moveCard(board, 'b', 'Won').columns[2]!.cards[0]).toMatchObject({ id: 'b', outcome: 'won' });
    expect(moveCard(board, 'b', 'Identification')).toBe(board);
    expect(moveCard(board, 'b', 'No such stage')).toBe(board);
    expect(moveCard(board, 'zzz', 'Won')).toBe(board);
  });

  it('moves a card loaded from a later page of its column, given the card', () => {
    const later = card('e', { value: 10, currency: 'CHF' });
    const moved = moveCard(board, 'e', 'Won', later);
    expect(moved.columns[2]!.cards.map((c) => c.id)).toEqual(['e']);
    expect(moved.columns[2]!.totals.values).toEqual([{ currency: 'CHF', value: 10, weighted: 0 }]);
    expect(moved.columns[0]!.totals.count).toBe(4);
  });

  it('orders cards by next contact, those without one last, then by id', () => {
    const cards = [card('z'), card('y', { nextContactAt: '2026-12-09T00:00:00.000Z' }), card('x'), card('w', { nextContactAt: '2026-12-08T00:00:00.000Z' })];
    expect(cards.sort(compareCards).map((c) => c.id)).toEqual(['w', 'y', 'x', 'z']);
  });

  it('steps to the neighbouring stage within the board', () => {
    const stages = ['Identification', 'Qualification', 'Won'];
    expect(neighbourStage(stages, 'Identification', 1)).toBe('Qualification');
    expect(neighbourStage(stages, 'Identification', -1)).toBe('Identification');
    expect(neighbourStage(stages, 'Won', 1)).toBe('Won');
  });
});
