// The instance's variables as JSON text; an admin edits one (or adds one) in a dialog, which goes to
// PATCH /process-instances/{id}/variables — the engine's command path, recorded in the history.
import { Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ProcessInstanceDetailView } from '@stageflow/api-contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { EmptyState } from '../../../app/ui/query-state';
import { useEditVariables } from '../api/instance.mutations';
import { jsonText, parseJsonValue } from '../ui/json-text';
import { readableInputStyles } from '../ui/readable-input-styles';
import { useNotifyDone } from '../ui/use-notify-done';

export function VariablesPanel({ instance, canEdit }: { instance: ProcessInstanceDetailView; canEdit: boolean }) {
  const { t } = useTranslation('instances');
  const [editing, setEditing] = useState<{ name: string; isNew: boolean } | undefined>();
  const [opened, { open, close }] = useDisclosure(false);
  const names = Object.keys(instance.variables).sort();
  const ended = instance.state === 'completed' || instance.state === 'terminated';
  const start = (name: string, isNew: boolean): void => {
    setEditing({ name, isNew });
    open();
  };

  return (
    <Stack>
      {names.length === 0 ? (
        <EmptyState>{t('variables.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('variables.name')}</Table.Th>
                <Table.Th>{t('variables.value')}</Table.Th>
                {canEdit && !ended && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {names.map((name) => (
                <Table.Tr key={name}>
                  <Table.Td ff="monospace">{name}</Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {jsonText(instance.variables[name])}
                  </Table.Td>
                  {canEdit && !ended && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => start(name, false)} aria-label={t('variables.editLabel', { name })}>
                        {t('variables.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && !ended && (
        <Group>
          <Button variant="light" onClick={() => start('', true)}>
            {t('variables.add')}
          </Button>
        </Group>
      )}
      {!canEdit && !ended && (
        <Text size="sm" c="gray.7">
          {t('variables.adminOnly')}
        </Text>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={editing?.isNew ? t('variables.addTitle') : t('variables.editTitle', { name: editing?.name ?? '' })}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('variables.close') }}
      >
        {editing && (
          <VariableForm
            key={`${editing.name}-${String(editing.isNew)}`}
            instanceId={instance.id}
            name={editing.name}
            isNew={editing.isNew}
            initial={editing.isNew ? '' : jsonText(instance.variables[editing.name])}
            onDone={close}
          />
        )}
      </Modal>
    </Stack>
  );
}

function VariableForm({
  instanceId,
  name: initialName,
  isNew,
  initial,
  onDone,
}: {
  instanceId: string;
  name: string;
  isNew: boolean;
  initial: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('instances');
  const notifyDone = useNotifyDone();
  const edit = useEditVariables(instanceId);
  const [name, setName] = useState(initialName);
  const [text, setText] = useState(initial);
  const [fieldError, setFieldError] = useState<{ name?: string; value?: string }>({});

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setFieldError({ name: t('variables.nameRequired') });
      return;
    }
    const parsed = parseJsonValue(text);
    if (!parsed.ok) {
      setFieldError({ value: t('variables.invalidJson', { reason: parsed.reason }) });
      return;
    }
    setFieldError({});
    edit.mutate(
      { [trimmed]: parsed.value as ProcessInstanceDetailView['variables'][string] },
      {
        onSuccess: () => {
          notifyDone(t('variables.saved', { name: trimmed }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {isNew && (
          <TextInput
            label={t('variables.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError.name}
            styles={readableInputStyles}
            required
          />
        )}
        <Textarea
          label={t('variables.value')}
          description={t('variables.valueHelp')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldError.value}
          autosize
          minRows={3}
          maxRows={16}
          styles={{ ...readableInputStyles, input: { fontFamily: 'monospace', color: 'inherit' } }}
          data-autofocus
        />
        {edit.isError && <ErrorAlert error={edit.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('variables.close')}
          </Button>
          <Button type="submit" loading={edit.isPending}>
            {t('variables.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
