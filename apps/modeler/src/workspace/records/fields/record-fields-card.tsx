// The record's own fields: shown as text, edited in place. Save sends only what changed (PATCH);
// the engine's 400 shows under each field it names, and nothing is written until it accepts.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RecordField, RecordView } from '@stageflow/api-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { useUpdateRecord } from '../api/update-record.mutation';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { changesOf, draftsOf, editableFields, type Drafts } from './field-drafts';
import { fieldErrorsOf } from './field-errors';
import { FieldInput } from './field-input';
import { FieldValue } from './field-value';

/** Fields shown elsewhere on the page: ownership (beside the title, Hand over) and the campaign. */
const SHOWN_ELSEWHERE = new Set(['ownerId', 'teamId', 'campaignId']);
/** References are listed under Related records; the form edits them. */
const REFERENCE_KINDS = new Set(['record']);

export function useFieldLabel() {
  const { t, i18n } = useTranslation('records');
  return (field: Pick<RecordField, 'name'>) => (i18n.exists(`records:fields.${field.name}`) ? t(`fields.${field.name}`) : field.name);
}

export function RecordFieldsCard({ type, record, canEdit }: { type: WorkspaceRecordType; record: RecordView; canEdit: boolean }) {
  const { t } = useTranslation('records');
  const label = useFieldLabel();
  const shown = definitionOf(type).fields.filter((field) => !SHOWN_ELSEWHERE.has(field.name));
  const editable = editableFields(shown);
  const update = useUpdateRecord(type, record.id);
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const errors = fieldErrorsOf(
    update.error,
    editable.map((field) => field.name),
  );
  const editing = drafts !== null;

  const save = () => {
    if (!drafts) return;
    const changes = changesOf(editable, record, drafts);
    if (Object.keys(changes).length === 0) {
      setDrafts(null);
      return;
    }
    update.mutate(changes, { onSuccess: () => setDrafts(null) });
  };

  return (
    <Card withBorder component="section" aria-labelledby="record-fields-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="record-fields-title">
          {t('sections.fields')}
        </Title>
        {canEdit && !editing && (
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              update.reset();
              setDrafts(draftsOf(editable, record));
            }}
          >
            {t('form.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          aria-label={t('form.editLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Stack gap="sm">
            {update.isError && errors.other.length === 0 && Object.keys(errors.fields).length === 0 && <ErrorAlert error={update.error} />}
            {errors.other.length > 0 && (
              <Alert color="red" role="alert" title={t('form.refused')}>
                {errors.other.join('; ')}
              </Alert>
            )}
            {Object.keys(errors.fields).length > 0 && (
              <Text c="red.8" size="sm" role="alert">
                {t('form.fixFields')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {editable.map((field) => (
                <FieldInput
                  key={field.name}
                  field={field}
                  label={label(field)}
                  value={drafts[field.name] ?? ''}
                  error={errors.fields[field.name]?.join('; ')}
                  onChange={(value) => setDrafts((current) => (current ? { ...current, [field.name]: value } : current))}
                />
              ))}
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('form.save')}
              </Button>
              <Button variant="default" onClick={() => setDrafts(null)}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <FieldList fields={shown.filter((field) => !REFERENCE_KINDS.has(field.kind))} record={record} />
      )}
    </Card>
  );
}

function FieldList({ fields, record }: { fields: readonly RecordField[]; record: RecordView }) {
  const { t } = useTranslation('records');
  const label = useFieldLabel();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
      {fields.map((field) => (
        <div key={field.name}>
          <Text component="dt" size="sm" c="gray.7">
            {label(field)}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: field.kind === 'longText' ? 'pre-wrap' : undefined }}>
            <FieldValue field={field} record={record} empty={t('value.none')} />
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
