// The task's form drawn from its JSON Schema by rjsf (this module loads lazily: rjsf stays out of
// the first screen). The engine checks as the seller types (debounced POST /forms/{key}/validate)
// and on submit (POST /tasks/{id}/complete): either's issues show under their fields.
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { Alert, Button, Group } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api/api-error';
import { checkFormData } from '../api/form-check';
import { engineValidator } from '../../../app/forms/engine-validator';
import { errorSchemaOf, type FieldIssue } from '../../../app/forms/error-schema';
import './task-form.css';

const CHECK_DELAY_MS = 300;

export interface TaskFormProps {
  taskId: string;
  formKey: string;
  schema: Record<string, unknown>;
  initial: Record<string, unknown>;
  /** Completes the task with the form's data; throws the engine's ApiError when refused. */
  onSubmit: (data: Record<string, unknown>) => Promise<unknown>;
  submitting: boolean;
  disabled: boolean;
}

export function TaskForm({ taskId, formKey, schema, initial, onSubmit, submitting, disabled }: TaskFormProps) {
  const { t } = useTranslation('workspaceTasks');
  const [data, setData] = useState<Record<string, unknown>>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [refusal, setRefusal] = useState<string | undefined>();
  const touched = useRef(false);

  // The engine's check of what is typed, after a pause; a newer edit aborts the older check.
  useEffect(() => {
    if (!touched.current) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      checkFormData(formKey, data, controller.signal).then(
        (answer) => setIssues(answer.issues),
        () => undefined, // a failed check is not a verdict: submit asks the engine again
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [data, formKey]);

  const extraErrors = useMemo(() => errorSchemaOf(issues, 'variables'), [issues]);

  return (
    <div className="task-form">
      {refusal !== undefined && (
        <Alert color="red" role="alert" mb="sm" title={t('form.refused')}>
          {refusal}
        </Alert>
      )}
      <Form
        schema={schema as RJSFSchema}
        formData={data}
        validator={engineValidator}
        idPrefix={`task-${taskId}`}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        disabled={disabled || submitting}
        onChange={(event) => {
          touched.current = true;
          setRefusal(undefined);
          setData((event.formData ?? {}) as Record<string, unknown>);
        }}
        onSubmit={async (event) => {
          const submitted = (event.formData ?? {}) as Record<string, unknown>;
          try {
            await onSubmit(submitted);
          } catch (error) {
            if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
              setIssues(error.details.map((detail) => ({ path: detail.path ?? '', message: detail.message })));
              setRefusal(error.message);
            } else {
              setRefusal(error instanceof Error ? error.message : String(error));
            }
          }
        }}
      >
        <Group mt="md">
          <Button type="submit" loading={submitting} disabled={disabled}>
            {t('actions.complete')}
          </Button>
        </Group>
      </Form>
    </div>
  );
}
