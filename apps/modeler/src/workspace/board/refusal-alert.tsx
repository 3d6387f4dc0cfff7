// A refused move in words: each reason the engine gave with the way to fix it — fill the field here
// (the next contact, the value, the lost reason or the comment) or on the deal's page, open the task
// on the deal, or move to a stage the process accepts — and the move again once fixed.
import type { BoardCardView } from '@stageflow/api-contract';
import { Alert, Anchor, Button, Group, List, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/ui/error-alert';
import { lostReasonsQuery, opportunityProcessQuery, patchOpportunity, readOpportunity, winReasonsQuery } from './api/board.api';
import { recordHref } from '../records/record-kinds';
import type { RefusalReason } from './move-refusal';

export interface Refusal {
  card: BoardCardView;
  to: string;
  reasons: RefusalReason[];
}

/** The fields a refusal can name that the board lets the seller fill in place. */
const FIXABLE = ['nextContactAt', 'value', 'lostReason', 'outcomeComment', 'custom.winReason'];

async function saveField(cardId: string, field: string, value: string | number): Promise<void> {
  if (field === 'custom.winReason') {
    const current = await readOpportunity(cardId);
    await patchOpportunity(cardId, { custom: { ...current.custom, winReason: value } });
    return;
  }
  await patchOpportunity(cardId, { [field]: field === 'nextContactAt' ? new Date(String(value)).toISOString() : value });
}

function FieldFix({ cardId, field }: { cardId: string; field: string }) {
  const { t } = useTranslation('board');
  const [value, setValue] = useState<string | number>('');
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing');
  const [error, setError] = useState<unknown>(undefined);
  const lostReasons = useQuery({ ...lostReasonsQuery, enabled: field === 'lostReason' });
  const winReasons = useQuery({ ...winReasonsQuery, enabled: field === 'custom.winReason' });
  const label = t(`refusal.fields.${field}` as 'refusal.fields.value');
  const input = (() => {
    switch (field) {
      case 'nextContactAt':
        return <TextInput type="datetime-local" label={label} value={String(value)} onChange={(event) => setValue(event.currentTarget.value)} size="xs" />;
      case 'value':
        return <NumberInput label={label} value={value} onChange={setValue} min={0} size="xs" />;
      case 'outcomeComment':
        return <Textarea label={label} value={String(value)} onChange={(event) => setValue(event.currentTarget.value)} size="xs" maxLength={4000} />;
      default: {
        const data =
          field === 'lostReason'
            ? (lostReasons.data?.items ?? []).filter((entry) => !entry.retired).map((entry) => ({ value: entry.key, label: entry.label }))
            : (winReasons.data ?? []);
        return <Select label={label} data={data} value={value === '' ? null : String(value)} onChange={(next) => setValue(next ?? '')} size="xs" />;
      }
    }
  })();
  const save = async (): Promise<void> => {
    setState('saving');
    setError(undefined);
    try {
      await saveField(cardId, field, value);
      setState('saved');
    } catch (caught) {
      setError(caught);
      setState('editing');
    }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        {input}
        <Button size="xs" variant="light" disabled={value === '' || state === 'saved'} loading={state === 'saving'} onClick={() => void save()}>
          {state === 'saved' ? t('refusal.saved') : t('refusal.save')}
        </Button>
      </Group>
      {error !== undefined && <ErrorAlert error={error} />}
    </Stack>
  );
}

/** The open task the exit criteria wait for, found among the deal process's open tasks, as a link to its page. */
function TaskFix({ cardId, elementId }: { cardId: string; elementId: string }) {
  const { t } = useTranslation('board');
  const process = useQuery(opportunityProcessQuery(cardId));
  const task = process.data?.openTasks.find((open) => open.elementId === elementId);
  return (
    <Text size="sm">
      {t('refusal.taskHint', { task: task?.name ?? elementId })}{' '}
      <Anchor component={Link} to={task ? `/workspace/tasks/${encodeURIComponent(task.id)}` : recordHref('opportunity', cardId)}>
        {task ? t('refusal.openTask') : t('refusal.openDeal')}
      </Anchor>
    </Text>
  );
}

export function RefusalAlert({
  refusal,
  onRetry,
  onMoveTo,
  onClose,
  retrying,
}: {
  refusal: Refusal;
  onRetry: () => void;
  onMoveTo: (stage: string) => void;
  onClose: () => void;
  retrying: boolean;
}) {
  const { t } = useTranslation('board');
  const { card, to, reasons } = refusal;
  return (
    <Alert
      color="red"
      title={t('refusal.title', { name: card.name, stage: to })}
      role="alert"
      withCloseButton
      closeButtonLabel={t('refusal.close')}
      onClose={onClose}
      mb="md"
    >
      <Stack gap="sm">
        <List spacing="sm">
          {reasons.map((reason, index) => (
            <List.Item key={index}>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {reason.reason}
                </Text>
                {reason.hint !== null && <Text size="sm">{reason.hint}</Text>}
                {reason.fix.kind === 'field' && FIXABLE.includes(reason.fix.field) && <FieldFix cardId={card.id} field={reason.fix.field} />}
                {reason.fix.kind === 'field' && !FIXABLE.includes(reason.fix.field) && (
                  <Anchor component={Link} to={recordHref('opportunity', card.id)} size="sm">
                    {t('refusal.openDeal')}
                  </Anchor>
                )}
                {reason.fix.kind === 'task' && <TaskFix cardId={card.id} elementId={reason.fix.task} />}
                {reason.fix.kind === 'stages' && (
                  <Group gap="xs">
                    <Text size="sm">{t('refusal.acceptsHint', { stage: reason.fix.stage })}</Text>
                    {reason.fix.accepts.map((stage) => (
                      <Button key={stage} size="xs" variant="light" onClick={() => onMoveTo(stage)}>
                        {t('card.moveTo', { stage })}
                      </Button>
                    ))}
                  </Group>
                )}
              </Stack>
            </List.Item>
          ))}
        </List>
        <Group gap="sm">
          <Button size="xs" color="red" onClick={onRetry} loading={retrying}>
            {t('refusal.retry')}
          </Button>
          <Anchor component={Link} to={recordHref('opportunity', card.id)} size="sm">
            {t('refusal.openDeal')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
