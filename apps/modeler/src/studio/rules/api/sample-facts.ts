// Sample facts for the dry run taken from what the engine holds: a process instance's variables
// (GET /process-instances/{id}), or a record (GET /<records>/{id}) as territory rule sets see it —
// every field by name, and the whole record as `record`.
import { RECORD_TYPES, type ProcessInstanceDetailView, type RecordTypeName } from '@stageflow/api-contract';
import { apiFetch } from '../../../app/api/api-fetch';

export async function instanceFacts(instanceId: string): Promise<Record<string, unknown>> {
  const instance = await apiFetch<ProcessInstanceDetailView>(`/process-instances/${encodeURIComponent(instanceId.trim())}`);
  return { ...instance.variables };
}

export async function recordFacts(type: RecordTypeName, id: string): Promise<Record<string, unknown>> {
  const record = await apiFetch<Record<string, unknown>>(`/${RECORD_TYPES[type].path}/${encodeURIComponent(id.trim())}`);
  return { ...record, record, recordType: type };
}
