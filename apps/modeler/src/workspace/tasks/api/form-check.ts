// POST /forms/{key}/validate: the issues the engine would refuse a completion with, for the form's
// check as the seller types (the browser compiles no JSON Schema; see app/forms/engine-validator.ts).
import type { TaskFormValidationView } from '@stageflow/api-contract';
import { apiFetch } from '../../../app/api/api-fetch';

export function checkFormData(formKey: string, variables: unknown, signal?: AbortSignal): Promise<TaskFormValidationView> {
  return apiFetch<TaskFormValidationView>(`/forms/${encodeURIComponent(formKey)}/validate`, { method: 'POST', json: { variables }, signal });
}
