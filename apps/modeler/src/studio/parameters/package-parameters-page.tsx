// A package's parameters as a form generated from their JSON Schema (@rjsf/core), checked as the
// analyst types by the engine's own check (POST .../parameters/validate: the browser compiles no
// schema, the CSP forbids generated code), saved with a reason (PUT ?comment=), the engine's
// refusal shown under each field, and the history of changes below.
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { PackageParametersView } from '@stageflow/api-contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { QueryState } from '../../app/ui/query-state';
import { parametersKeys, parametersQuery, saveParameters, validateParameters } from './api/parameters.api';
import { errorSchemaOf, type FieldIssue } from '../../app/forms/error-schema';
import { ParameterHistory } from './parameter-history';

const CHECK_DELAY_MS = 300;

export function PackageParametersPage() {
  const { name = '' } = useParams();
  const { t } = useTranslation('parameters');
  const parameters = useQuery(parametersQuery(name));
  return (
    <>
      <PageHeader title={t('titleOf', { name })} />
      <Stack gap="xl">
        <QueryState query={parameters}>{(current) => <ParametersForm key={current.version} name={name} current={current} />}</QueryState>
        <ParameterHistory name={name} />
      </Stack>
    </>
  );
}

/** The schema as rjsf reads it: our keyword `live` and the draft's `$schema` are the engine's business. */
function formSchema(schema: Record<string, unknown>): RJSFSchema {
  const { $schema: _draft, ...rest } = schema;
  return rest as RJSFSchema;
}

function ParametersForm({ name, current }: { name: string; current: PackageParametersView }) {
  const { t } = useTranslation('parameters');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(current.values);
  const [issues, setIssues] = useState<FieldIssue[] | undefined>([]);
  const [comment, setComment] = useState('');
  const schema = useMemo(() => (current.schema === null ? undefined : formSchema(current.schema)), [current.schema]);

  // The engine checks the values a moment after the last keystroke; an answer to older values is dropped.
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      setIssues(undefined);
      validateParameters(name, values).then(
        (answer) => !stale && setIssues(answer.issues),
        (error: unknown) =>
          !stale && setIssues(error instanceof ApiError ? error.details.map((detail) => ({ path: detail.path, message: detail.message })) : []),
      );
    }, CHECK_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [name, values]);

  const save = useMutation({
    mutationFn: () => saveParameters(name, values, comment),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: parametersKeys.all });
      notifications.show({
        color: 'teal.9',
        closeButtonProps: { 'aria-label': t('closeNotification') },
        message: saved.version === current.version ? t('unchanged') : t('saved', { version: saved.version }),
      });
    },
    onError: (error) => {
      if (error instanceof ApiError) setIssues(error.details.map((detail) => ({ path: detail.path, message: detail.message })));
    },
  });

  if (schema === undefined) return <Text>{t('none')}</Text>;
  const errorSchema = errorSchemaOf(issues ?? []);
  return (
    <Stack gap="md">
      <Text size="sm">{t('current', { version: current.version, packageVersion: current.packageVersion })}</Text>
      {current.live.length > 0 && <Text size="sm">{t('live', { names: current.live.join(', ') })}</Text>}
      <Paper withBorder p="md" className="stageflow-parameters-form" aria-label={t('form')} component="section">
        <Form
          schema={schema}
          formData={values}
          validator={validator}
          noValidate
          showErrorList={false}
          extraErrors={errorSchema}
          uiSchema={{ 'ui:submitButtonOptions': { norender: true } }}
          onChange={(event) => setValues((event.formData ?? {}) as Record<string, unknown>)}
        >
          <></>
        </Form>
      </Paper>
      <Text size="sm" aria-live="polite">
        {issues === undefined ? t('checking') : issues.length === 0 ? t('valid') : t('invalid', { count: issues.length })}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('comment')}
          description={t('commentHint')}
          required
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={1000}
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={comment.trim() === '' || (issues?.length ?? 0) > 0}>
          {t('save')}
        </Button>
      </Group>
      {save.isError &&
        (save.error instanceof ApiError && save.error.status === 400 ? (
          <Alert color="red" title={t('refused')}>
            {save.error.message}
          </Alert>
        ) : (
          <ErrorAlert error={save.error} />
        ))}
    </Stack>
  );
}
