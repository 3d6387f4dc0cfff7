// The pipeline board (/workspace/board): the opportunity process's stages as columns with their
// totals, the deals the user sees as cards, a manager's filters. A card moves by drag and drop, by
// its stage menu or by the keyboard, and the move goes through the process (use-board-move.ts):
// accepted, it stays; refused, it snaps back and the reasons show with their fixes. Closing columns
// (Won, Lost) ask for the reason first. The board is read again every 15 s (react-query polling), so
// other users' moves show without a reload; never while a card is being moved.
import type { BoardCardView, BoardView } from '@stageflow/api-contract';
import { Group, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/auth/use-session';
import { hasAnyRole } from '../../app/auth/roles';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { EmptyState, QueryState } from '../../app/ui/query-state';
import { boardQuery, FILTER_NAMES, filtersFrom, type BoardFilterValues } from './api/board.api';
import { BoardColumn } from './board-column';
import type { CardMoveHandlers } from './board-card';
import { BoardFilters } from './board-filters';
import { FILTER_ROLES } from './board.prefetch';
import { neighbourStage } from './board-moves';
import { isRefusal, refusalReasons } from './move-refusal';
import { OutcomeDialog, type OutcomeRequest } from './outcome-dialog';
import { RefusalAlert, type Refusal } from './refusal-alert';
import { useBoardMove, type MoveRequest } from './use-board-move';

interface Carried {
  card: BoardCardView;
  target: string;
}

/** While a card is dragged near the left or right edge of the columns, they scroll that way. */
function scrollNearEdge(viewport: HTMLDivElement | null, clientX: number): void {
  if (!viewport) return;
  const { left, right } = viewport.getBoundingClientRect();
  const edge = 64;
  if (clientX < left + edge) viewport.scrollLeft -= 24;
  else if (clientX > right - edge) viewport.scrollLeft += 24;
}

export function BoardPage() {
  const { t } = useTranslation('board');
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [carried, setCarried] = useState<Carried | undefined>(undefined);
  const [dragged, setDragged] = useState<{ card: BoardCardView; over?: string } | undefined>(undefined);
  const [refusal, setRefusal] = useState<Refusal | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [closing, setClosing] = useState<OutcomeRequest | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | undefined>(undefined);
  const viewport = useRef<HTMLDivElement>(null);
  const instructionsId = useId();
  const move = useBoardMove(filters);
  const busy = carried !== undefined || dragged !== undefined || move.isPending || closing !== undefined;
  const board = useQuery(boardQuery(filters, !busy));
  const stages = board.data?.columns.map((column) => column.stage) ?? [];

  // A card dropped by the keyboard lands in another column (a new element): give it the focus back.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === undefined) return;
    const element = document.querySelector<HTMLElement>(`[data-move-handle="${CSS.escape(id)}"]`);
    if (element) {
      element.focus();
      focusAfterMove.current = undefined;
    }
  }, [board.data]);

  const send = (request: MoveRequest): void => {
    setRefusal(undefined);
    setFailure(undefined);
    setAnnouncement(t('announce.moving', { name: request.card.name, stage: request.to }));
    move.mutate(request, {
      onSuccess: () => setAnnouncement(t('announce.moved', { name: request.card.name, stage: request.to })),
      onError: (error) => {
        if (isRefusal(error)) {
          setRefusal({ card: request.card, to: request.to, reasons: refusalReasons(error) });
          setAnnouncement(t('announce.refused', { name: request.card.name, stage: request.to }));
        } else {
          setFailure(error);
          setAnnouncement(t('announce.failed', { name: request.card.name, stage: request.to }));
        }
      },
    });
  };

  /** Every way of moving ends here: a closing column asks for the reason first. */
  const requestMove = (data: BoardView | undefined, card: BoardCardView, to: string): void => {
    if (to === card.stage) return;
    const outcome = data?.columns.find((column) => column.stage === to)?.outcome ?? null;
    if (outcome !== null) setClosing({ card, to, outcome });
    else send({ card, to });
  };

  const onKey = (card: BoardCardView, event: KeyboardEvent<HTMLButtonElement>): void => {
    const name = card.name;
    if (carried === undefined || carried.card.id !== card.id) {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        setCarried({ card, target: card.stage });
        setAnnouncement(t('announce.pickedUp', { name, stage: card.stage }));
      }
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const target = neighbourStage(stages, carried.target, event.key === 'ArrowRight' ? 1 : -1);
      setCarried({ card, target });
      setAnnouncement(t('announce.over', { name, stage: target }));
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      setCarried(undefined);
      if (carried.target === card.stage) {
        setAnnouncement(t('announce.cancelled', { name }));
        return;
      }
      focusAfterMove.current = card.id;
      requestMove(board.data, card, carried.target);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setCarried(undefined);
      setAnnouncement(t('announce.cancelled', { name }));
    }
  };

  const handlers: CardMoveHandlers = {
    onKey,
    onDragStart: (card) => setDragged({ card }),
    onDragEnd: () => setDragged(undefined),
    onMoveTo: (card, stage) => requestMove(board.data, card, stage),
  };

  const setFilters = (next: BoardFilterValues): void => {
    const search = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) search.set(name, next[name]);
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('title')}>
        <Text size="sm" c="gray.7">
          {t('refreshNote')}
        </Text>
      </PageHeader>
      {hasAnyRole(user.roles, FILTER_ROLES) && (
        <Group mb="md">
          <BoardFilters user={user} value={filters} onChange={setFilters} listsWanted={!board.isPending} />
        </Group>
      )}
      <VisuallyHidden id={instructionsId}>{t('card.instructions')}</VisuallyHidden>
      <VisuallyHidden aria-live="assertive" aria-atomic="true" data-testid="board-announcer">
        {announcement}
      </VisuallyHidden>
      {refusal && (
        <RefusalAlert
          refusal={refusal}
          retrying={move.isPending}
          onRetry={() => requestMove(board.data, refusal.card, refusal.to)}
          onMoveTo={(stage) => requestMove(board.data, refusal.card, stage)}
          onClose={() => setRefusal(undefined)}
        />
      )}
      {failure !== undefined && <ErrorAlert error={failure} title={t('moveFailed')} />}
      <QueryState query={board} isEmpty={(data) => data.columns.length === 0} empty={t('noProcess')}>
        {(data) => (
          <>
            {data.columns.every((column) => column.totals.count === 0) && <EmptyState>{t('noDeals')}</EmptyState>}
            {/* The columns scroll sideways; the scrolling region is reachable by keyboard even when no card is in it. */}
            <ScrollArea
              type="auto"
              scrollbars="x"
              offsetScrollbars
              viewportRef={viewport}
              viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('title') }}
            >
              <div
                style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)', alignItems: 'flex-start', paddingBottom: 8 }}
                onDragOver={(event) => scrollNearEdge(viewport.current, event.clientX)}
              >
                {data.columns.map((column) => (
                  <BoardColumn
                    key={column.stage}
                    column={column}
                    stages={stages}
                    idleDays={data.stageIdleDays}
                    filters={filters}
                    pickedUpId={carried?.card.id}
                    instructionsId={instructionsId}
                    handlers={handlers}
                    drop={{
                      highlighted: carried?.target === column.stage || dragged?.over === column.stage,
                      onDragOver: () => setDragged((current) => (current && current.over !== column.stage ? { ...current, over: column.stage } : current)),
                      onDrop: (cardId) => {
                        const card = dragged?.card.id === cardId ? dragged.card : data.columns.flatMap((each) => each.cards).find((each) => each.id === cardId);
                        setDragged(undefined);
                        if (card) requestMove(data, card, column.stage);
                      },
                    }}
                  />
                ))}
              </div>
            </ScrollArea>
          </>
        )}
      </QueryState>
      <OutcomeDialog
        request={closing}
        onClose={() => setClosing(undefined)}
        onConfirmed={(request, comment) => send({ card: request.card, to: request.to, reason: comment })}
      />
    </>
  );
}
