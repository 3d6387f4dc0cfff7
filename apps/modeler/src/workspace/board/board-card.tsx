// One deal on the board: its name (a link to the deal's page), value, organization, owner, next
// contact, days in stage with the idle mark, and a menu to move it. It moves by drag and drop, by the
// menu, or by the keyboard: Space picks it up, the arrow keys choose a stage, Space or Enter drops it,
// Escape cancels, on the card's move handle (the page announces each step in its live region).
import type { BoardCardView } from '@stageflow/api-contract';
import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney, formatNumber } from '../../app/format';
import { recordHref } from '../records/record-kinds';

export interface CardMoveHandlers {
  /** Keyboard: the card's key presses while it has the focus (pick up, move, drop, cancel). */
  onKey: (card: BoardCardView, event: KeyboardEvent<HTMLButtonElement>) => void;
  onDragStart: (card: BoardCardView) => void;
  onDragEnd: () => void;
  /** The stage menu's choice. */
  onMoveTo: (card: BoardCardView, stage: string) => void;
}

/**
 * The card's "move to" menu, built on its first use: a board shows 120 cards and more, and a Mantine
 * Menu per card (its popover store and floating-position hooks) cost more to draw than the rest of the
 * card (docs/performance.md, "Pipeline board").
 */
function CardStageMenu({ card, stages, onMoveTo }: { card: BoardCardView; stages: readonly string[]; onMoveTo: CardMoveHandlers['onMoveTo'] }) {
  const { t } = useTranslation('board');
  const [used, setUsed] = useState(false);
  const [opened, setOpened] = useState(false);
  const trigger = (
    <ActionIcon
      variant="subtle"
      color="gray.8"
      size="sm"
      aria-label={t('card.moveMenu', { name: card.name })}
      aria-haspopup="menu"
      onClick={
        used
          ? undefined
          : () => {
              setUsed(true);
              setOpened(true);
            }
      }
    >
      <span aria-hidden="true">⋯</span>
    </ActionIcon>
  );
  if (!used) return trigger;
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened} trapFocus>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown>
        {stages
          .filter((stage) => stage !== card.stage)
          .map((stage) => (
            <Menu.Item key={stage} onClick={() => onMoveTo(card, stage)}>
              {t('card.moveTo', { stage })}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function moneyText(value: number, currency: string | null): string {
  return currency === null ? formatNumber(value) : formatMoney(value, currency);
}

export function BoardCard({
  card,
  stages,
  idleDays,
  pickedUp,
  instructionsId,
  handlers,
}: {
  card: BoardCardView;
  stages: readonly string[];
  idleDays: number | null;
  pickedUp: boolean;
  instructionsId: string;
  handlers: CardMoveHandlers;
}) {
  const { t } = useTranslation('board');
  return (
    <Paper
      withBorder
      shadow={pickedUp ? 'md' : 'xs'}
      p="xs"
      radius="sm"
      data-card-id={card.id}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', card.id);
        event.dataTransfer.effectAllowed = 'move';
        handlers.onDragStart(card);
      }}
      onDragEnd={handlers.onDragEnd}
      style={{ cursor: 'grab', outline: pickedUp ? '3px solid var(--mantine-color-blue-8)' : undefined }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <ActionIcon
            variant={pickedUp ? 'filled' : 'subtle'}
            color="gray.8"
            size="sm"
            aria-label={t('card.pickUp', { name: card.name })}
            aria-describedby={instructionsId}
            aria-pressed={pickedUp}
            data-move-handle={card.id}
            onKeyDown={(event) => handlers.onKey(card, event)}
            // The keyboard's Space and Enter are handled above; a click does nothing, the card is dragged as a whole.
            onClick={(event) => event.preventDefault()}
            style={{ cursor: 'grab' }}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
          <Anchor component={Link} to={recordHref('opportunity', card.id)} fw={600} size="sm" style={{ wordBreak: 'break-word', flex: 1 }}>
            {card.name}
          </Anchor>
          <CardStageMenu card={card} stages={stages} onMoveTo={handlers.onMoveTo} />
        </Group>
        <Text size="sm" fw={500}>
          {card.value === null ? t('card.noValue') : moneyText(card.value, card.currency)}
        </Text>
        {card.organization && (
          <Text size="xs" c="gray.7">
            {card.organization.name}
          </Text>
        )}
        <Text size="xs" c="gray.7">
          {t('card.owner')}: {card.owner?.username ?? t('card.unowned')}
        </Text>
        <Text size="xs" c="gray.7">
          {card.nextContactAt === null ? t('card.noNextContact') : `${t('card.nextContact')}: ${formatDateTime(card.nextContactAt)}`}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="gray.7">
            {t('card.daysInStage', { count: card.daysInStage })}
          </Text>
          {card.idle && (
            <Badge color="red" variant="light" size="sm" title={t('card.idleTitle', { days: idleDays ?? '' })}>
              {t('card.idle')}
            </Badge>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
