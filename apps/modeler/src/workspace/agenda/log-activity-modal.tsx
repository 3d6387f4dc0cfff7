// Log a call or a meeting: opened from a row with its kind chosen (the first click), the subject
// filled in; the outcome and the next-contact date typed, then Save (the second click).
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui/error-alert';
import { activityLog, type LoggedKind, type LoggedOn } from './activity-log';
import { useLogActivity } from './api/agenda.query';

export interface LogTarget {
  kind: LoggedKind;
  on: LoggedOn;
  title: string;
}

export function LogActivityModal({ target, onClose }: { target: LogTarget | undefined; onClose: () => void }) {
  const { t } = useTranslation('workspaceAgenda');
  return (
    <Modal
      opened={target !== undefined}
      onClose={onClose}
      title={target === undefined ? '' : t(`log.title.${target.kind}`, { title: target.title })}
      closeButtonProps={{ 'aria-label': t('log.cancel') }}
    >
      {target !== undefined && <LogForm key={`${target.kind}:${target.on.id}`} target={target} onClose={onClose} />}
    </Modal>
  );
}

function LogForm({ target, onClose }: { target: LogTarget; onClose: () => void }) {
  const { t } = useTranslation('workspaceAgenda');
  const log = useLogActivity();
  const [subject, setSubject] = useState(t(`log.subject.${target.kind}`, { title: target.title }));
  const [outcome, setOutcome] = useState('');
  const [nextContact, setNextContact] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate(activityLog({ kind: target.kind, subject, outcome, nextContact }, target.on, new Date()), { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput required label={t('log.subjectLabel')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
        <Textarea data-autofocus label={t('log.outcome')} autosize minRows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
        {target.on.type === 'opportunity' && (
          <TextInput type="datetime-local" label={t('log.nextContact')} value={nextContact} onChange={(e) => setNextContact(e.currentTarget.value)} />
        )}
        {log.isError && <ErrorAlert error={log.error} title={t('log.refused')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('log.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('log.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
