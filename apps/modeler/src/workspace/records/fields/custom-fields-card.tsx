// The record's custom fields, declared by the deployed `<type>.fields.json`: shown as text in words
// (titles, choices by their titles, dates, numbers and flags as the timeline shows them:
// custom-field-text.ts), edited with a form built from that JSON Schema (rjsf, loaded with this card
// only; it draws titled choices, `oneOf` of `const` and `title`, as a select by those titles). Save sends the whole
// `custom` object (PATCH replaces it); the engine's 400 shows under each field it names.
import { Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import type { RecordView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
// The engine-checked forms' rjsf validator and error mapping (see app/forms/engine-validator.ts).
import { engineValidator } from '../../../app/forms/engine-validator';
import { errorSchemaOf } from '../../../app/forms/error-schema';
import { customFieldsQuery } from '../api/custom-fields.query';
import { useUpdateRecord } from '../api/update-record.mutation';
import type { WorkspaceRecordType } from '../record-kinds';
import { customFieldText, customFieldTitle, type CustomFieldShape, type CustomFieldWords } from './custom-field-text';
import { fieldErrorsOf } from './field-errors';
import './custom-fields.css';

export function CustomFieldsCard({ type, record, canEdit }: { type: WorkspaceRecordType; record: RecordView; canEdit: boolean }) {
  const { t } = useTranslation('records');
  const schema = useQuery(customFieldsQuery(type));
  const update = useUpdateRecord(type, record.id);
  const [draft, setDraft] = useState<Record<string, unknown> | null>(null);
  if (schema.isPending) return null;
  if (schema.isError) return <ErrorAlert error={schema.error} onRetry={() => void schema.refetch()} />;
  const properties: Record<string, CustomFieldShape> = schema.data.schema?.properties ?? {};
  const names = schema.data.schema ? Object.keys(properties) : Object.keys(record.custom);
  if (names.length === 0) return null;
  const words: CustomFieldWords = { yes: t('value.yes'), no: t('value.no'), none: t('value.none') };
  const errors = fieldErrorsOf(update.error, []);
  const editing = draft !== null && schema.data.schema !== null;

  return (
    <Card withBorder component="section" aria-labelledby="record-custom-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="record-custom-title">
          {t('sections.custom')}
        </Title>
        {canEdit && schema.data.schema !== null && !editing && (
          <Button
            size="xs"
            variant="light"
            aria-label={t('form.editCustom')}
            onClick={() => {
              update.reset();
              setDraft({ ...record.custom });
            }}
          >
            {t('form.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <>
          {update.isError && errors.custom.length === 0 && <ErrorAlert error={update.error} />}
          <Form
            className="custom-fields-form"
            schema={schema.data.schema as RJSFSchema}
            formData={draft}
            validator={engineValidator}
            noHtml5Validate
            showErrorList={false}
            extraErrors={errorSchemaOf(errors.custom)}
            onChange={(event) => setDraft((event.formData ?? {}) as Record<string, unknown>)}
            onSubmit={(event) => update.mutate({ custom: event.formData ?? {} }, { onSuccess: () => setDraft(null) })}
          >
            <Group mt="sm">
              <Button type="submit" loading={update.isPending}>
                {t('form.save')}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Form>
        </>
      ) : (
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
          {names.map((name) => (
            <div key={name}>
              <Text component="dt" size="sm" c="gray.7">
                {customFieldTitle(name, properties[name])}
              </Text>
              <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                {customFieldText(properties[name], record.custom[name], words)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
