// POST /leads and POST /opportunities (a seller's record is theirs; the record type's process
// starts on create, docs/crm.md "Records and their processes").
import type { RecordView } from '@stageflow/api-contract';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export type QuickAddKind = 'lead' | 'opportunity';

const PATHS: Record<QuickAddKind, string> = { lead: '/leads', opportunity: '/opportunities' };

export function useQuickAdd() {
  return useMutation({
    mutationFn: ({ kind, body }: { kind: QuickAddKind; body: Record<string, unknown> }) => apiFetch<RecordView>(PATHS[kind], { method: 'POST', json: body }),
  });
}
