// A card's move as the board makes it: optimistic (the card shows in its new column at once), then
// POST /opportunities/{id}/stage. Accepted: the board is read again. Refused or failed: the board goes
// back to the snapshot taken before the move (the card snaps back) and the caller gets the error.
import type { BoardCardPageView, BoardCardView, BoardView } from '@stageflow/api-contract';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { boardKeys, moveStage, type BoardFilterValues } from './api/board.api';
import { moveCard } from './board-moves';

export interface MoveRequest {
  card: BoardCardView;
  to: string;
  reason?: string;
}

interface Snapshot {
  board: BoardView | undefined;
  more: [readonly unknown[], InfiniteData<BoardCardPageView> | undefined][];
}

export function useBoardMove(filters: BoardFilterValues) {
  const queryClient = useQueryClient();
  const key = boardKeys.board(filters);
  return useMutation({
    mutationFn: ({ card, to, reason }: MoveRequest) => moveStage(card.id, to, reason),
    onMutate: async ({ card, to }): Promise<Snapshot> => {
      // A read in flight would put the card back where it was.
      await queryClient.cancelQueries({ queryKey: boardKeys.all });
      const snapshot: Snapshot = {
        board: queryClient.getQueryData<BoardView>(key),
        more: queryClient.getQueriesData<InfiniteData<BoardCardPageView>>({ queryKey: ['board', 'more', filters] }),
      };
      if (snapshot.board) queryClient.setQueryData<BoardView>(key, moveCard(snapshot.board, card.id, to, card));
      for (const [moreKey, data] of snapshot.more) {
        if (!data) continue;
        queryClient.setQueryData<InfiniteData<BoardCardPageView>>(moreKey, {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== card.id) })),
        });
      }
      return snapshot;
    },
    onError: (_error, _request, snapshot) => {
      if (!snapshot) return;
      queryClient.setQueryData(key, snapshot.board);
      for (const [moreKey, data] of snapshot.more) queryClient.setQueryData(moreKey, data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.all }),
  });
}
