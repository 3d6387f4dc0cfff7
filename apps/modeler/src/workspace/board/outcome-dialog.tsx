// Before a deal moves to a closing column (Won, Lost): the reason — a lost reason from the catalog,
// or a win reason from the opportunity's custom field, by its title there — and a comment, written to the deal (PATCH)
// so the process's exit criteria find them, then the move with the comment as its reason.
import type { BoardCardView } from '@stageflow/api-contract';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/error-alert';
import { lostReasonsQuery, patchOpportunity, readOpportunity, winReasonsQuery } from './api/board.api';

export interface OutcomeRequest {
  card: BoardCardView;
  to: string;
  outcome: 'won' | 'lost';
}

/** The fields a closing move needs on the deal: lost reason, or the win reason among its custom fields; and the comment. */
export async function writeOutcome(card: BoardCardView, outcome: 'won' | 'lost', reason: string, comment: string): Promise<void> {
  if (outcome === 'lost') {
    await patchOpportunity(card.id, { lostReason: reason, outcomeComment: comment });
    return;
  }
  // `custom` is written whole: keep the deal's other custom fields.
  const current = await readOpportunity(card.id);
  await patchOpportunity(card.id, { custom: { ...current.custom, winReason: reason }, outcomeComment: comment });
}

export function OutcomeDialog({
  request,
  onClose,
  onConfirmed,
}: {
  request: OutcomeRequest | undefined;
  onClose: () => void;
  onConfirmed: (request: OutcomeRequest, comment: string) => void;
}) {
  const { t } = useTranslation('board');
  const lost = request?.outcome === 'lost';
  const lostReasons = useQuery({ ...lostReasonsQuery, enabled: request !== undefined && lost });
  const winReasons = useQuery({ ...winReasonsQuery, enabled: request !== undefined && !lost });
  const [reason, setReason] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const choices = lost
    ? (lostReasons.data?.items ?? []).filter((value) => !value.retired).map((value) => ({ value: value.key, label: value.label }))
    : (winReasons.data ?? []);
  const close = (): void => {
    setReason(null);
    setComment('');
    setSubmitted(false);
    setError(undefined);
    onClose();
  };
  const submit = async (): Promise<void> => {
    setSubmitted(true);
    if (!request || reason === null || comment.trim() === '') return;
    setSaving(true);
    try {
      await writeOutcome(request.card, request.outcome, reason, comment.trim());
      onConfirmed(request, comment.trim());
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={request !== undefined}
      onClose={close}
      title={request ? t(lost ? 'outcome.lostTitle' : 'outcome.wonTitle', { name: request.card.name }) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('outcome.close') }}
    >
      <form
        // The reasons are checked here, in words beside each field, not by the browser's bubbles.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select
            label={t(lost ? 'outcome.lostReason' : 'outcome.winReason')}
            data={choices}
            value={reason}
            onChange={setReason}
            required
            allowDeselect={false}
            error={submitted && reason === null ? t('outcome.reasonRequired') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('outcome.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            required
            autosize
            minRows={3}
            maxLength={4000}
            error={submitted && comment.trim() === '' ? t('outcome.commentRequired') : undefined}
          />
          {error !== undefined && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('outcome.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('outcome.submit', { stage: request?.to ?? '' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
