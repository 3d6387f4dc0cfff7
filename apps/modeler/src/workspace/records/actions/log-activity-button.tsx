// "Log activity": a call, meeting, e-mail, task or note on the record, with its outcome and the
// next-contact date; the engine's 400 shows under the field it names.
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { activityType } from '@stageflow/api-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { useLogActivity } from '../api/record-actions.api';
import { fieldErrorsOf } from '../fields/field-errors';
import { fromDraft } from '../fields/field-drafts';
import type { WorkspaceRecordType } from '../record-kinds';

const KINDS = activityType.fields.find((field) => field.name === 'kind')?.values ?? [];
const FORM_FIELDS = ['kind', 'subject', 'body', 'dueAt', 'done', 'outcome', 'nextContactAt'];
const EMPTY = { kind: 'call', subject: '', body: '', dueAt: '', done: true, outcome: '', nextContactAt: '' };

export function LogActivityButton({ type, id }: { type: WorkspaceRecordType; id: string }) {
  const { t } = useTranslation('records');
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const log = useLogActivity(type, id);
  const errors = fieldErrorsOf(log.error, FORM_FIELDS);
  const error = (field: string) => errors.fields[field]?.join('; ');
  const instant = (value: string) => fromDraft({ name: 'at', kind: 'datetime' }, value);
  const close = () => {
    setOpened(false);
    log.reset();
  };

  const submit = () => {
    const body: Record<string, unknown> = { kind: form.kind, subject: form.subject, done: form.done };
    if (form.body.trim() !== '') body.body = form.body;
    if (form.outcome.trim() !== '') body.outcome = form.outcome;
    if (form.dueAt !== '') body.dueAt = instant(form.dueAt);
    if (form.nextContactAt !== '') body.nextContactAt = instant(form.nextContactAt);
    log.mutate(body, {
      onSuccess: () => {
        setForm(EMPTY);
        close();
      },
    });
  };

  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('actions.logActivity')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('actions.logActivity')} closeButtonProps={{ 'aria-label': t('form.close') }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            {log.isError && Object.keys(errors.fields).length === 0 && <ErrorAlert error={log.error} />}
            <NativeSelect
              label={t('activity.kind')}
              data={KINDS.map((kind) => ({ value: kind, label: t(`enumValues.kind.${kind}`) }))}
              value={form.kind}
              error={error('kind')}
              onChange={(event) => setForm({ ...form, kind: event.currentTarget.value })}
            />
            <TextInput
              label={t('activity.subject')}
              required
              value={form.subject}
              error={error('subject')}
              onChange={(event) => setForm({ ...form, subject: event.currentTarget.value })}
            />
            <Textarea
              label={t('activity.body')}
              autosize
              minRows={2}
              value={form.body}
              error={error('body')}
              onChange={(event) => setForm({ ...form, body: event.currentTarget.value })}
            />
            <TextInput
              type="datetime-local"
              label={t('activity.dueAt')}
              value={form.dueAt}
              error={error('dueAt')}
              onChange={(event) => setForm({ ...form, dueAt: event.currentTarget.value })}
            />
            <Checkbox label={t('activity.done')} checked={form.done} onChange={(event) => setForm({ ...form, done: event.currentTarget.checked })} />
            <TextInput
              label={t('activity.outcome')}
              value={form.outcome}
              error={error('outcome')}
              onChange={(event) => setForm({ ...form, outcome: event.currentTarget.value })}
            />
            <TextInput
              type="datetime-local"
              label={t('activity.nextContactAt')}
              value={form.nextContactAt}
              error={error('nextContactAt')}
              onChange={(event) => setForm({ ...form, nextContactAt: event.currentTarget.value })}
            />
            <Group>
              <Button type="submit" loading={log.isPending}>
                {t('activity.save')}
              </Button>
              <Button variant="default" onClick={close}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
