// One stage of the board: its name, the number of deals and their value (per currency, and weighted
// by probability), its first cards, and the next ones on demand (GET /board/cards from the column's
// cursor). A drop target for dragged cards and the keyboard's target while a card is picked up.
import type { BoardCardView, BoardColumnView } from '@stageflow/api-contract';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/error-alert';
import { moreCardsQuery, type BoardFilterValues } from './api/board.api';
import { BoardCard, moneyText, type CardMoveHandlers } from './board-card';

export interface ColumnDrop {
  /** A card is being dragged or carried by the keyboard over this column. */
  highlighted: boolean;
  onDragOver: () => void;
  onDrop: (cardId: string) => void;
}

export function BoardColumn({
  column,
  stages,
  idleDays,
  filters,
  pickedUpId,
  instructionsId,
  handlers,
  drop,
}: {
  column: BoardColumnView;
  stages: readonly string[];
  idleDays: number | null;
  filters: BoardFilterValues;
  pickedUpId: string | undefined;
  instructionsId: string;
  handlers: CardMoveHandlers;
  drop: ColumnDrop;
}) {
  const { t } = useTranslation('board');
  const [showMore, setShowMore] = useState(false);
  const more = useInfiniteQuery({ ...moreCardsQuery(filters, column.stage, column.nextCursor ?? ''), enabled: showMore && column.nextCursor !== null });
  const later = showMore ? (more.data?.pages.flatMap((page) => page.items) ?? []) : [];
  const shownIds = new Set(column.cards.map((card) => card.id));
  const cards: BoardCardView[] = [...column.cards, ...later.filter((card) => !shownIds.has(card.id))];
  const hasMore = showMore ? more.hasNextPage : column.nextCursor !== null;
  const headingId = `board-column-${stages.indexOf(column.stage)}`;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="sm"
      bg={drop.highlighted ? 'blue.0' : 'gray.0'}
      style={{ width: 244, flex: '0 0 244px', outline: drop.highlighted ? '2px dashed var(--mantine-color-blue-8)' : undefined }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        drop.onDragOver();
      }}
      onDrop={(event) => {
        event.preventDefault();
        const cardId = event.dataTransfer.getData('text/plain');
        if (cardId) drop.onDrop(cardId);
      }}
      data-stage={column.stage}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5" id={headingId}>
            {column.stage}
          </Title>
          <Badge variant="filled" color="gray.8" aria-label={t('column.deals', { count: column.totals.count })}>
            {column.totals.count}
          </Badge>
        </Group>
        <div data-testid="column-totals">
          <Text size="xs">{t('column.deals', { count: column.totals.count })}</Text>
          {column.totals.values.map((money) => (
            <Text size="xs" key={money.currency ?? ''}>
              {t('column.total', { value: moneyText(money.value, money.currency) })} ·{' '}
              {t('column.weighted', { value: moneyText(money.weighted, money.currency) })}
            </Text>
          ))}
        </div>
        {cards.length === 0 ? (
          <Text size="sm" c="gray.7" py="sm">
            {t('column.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby={headingId}>
            {cards.map((card) => (
              <li key={card.id}>
                <BoardCard
                  card={card}
                  stages={stages}
                  idleDays={idleDays}
                  pickedUp={card.id === pickedUpId}
                  instructionsId={instructionsId}
                  handlers={handlers}
                />
              </li>
            ))}
          </Stack>
        )}
        {more.isError && <ErrorAlert error={more.error} onRetry={() => void more.refetch()} />}
        {hasMore && (
          <Button variant="light" size="xs" loading={more.isFetching} onClick={() => (showMore ? void more.fetchNextPage() : setShowMore(true))}>
            {t('column.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
