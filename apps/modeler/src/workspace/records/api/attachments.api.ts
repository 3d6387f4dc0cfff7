// The record's files: GET /<records>/{id}/attachments, an upload (multipart field `file`; the
// engine tells the kind from the content: 415 for another, 413 above its size limit) and the
// download at GET /attachments/{id} (the session cookie goes with a same-origin link).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { API_BASE, apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: { id: string | null; name: string };
  createdAt: string;
  href: string;
}

function attachmentsPath(type: WorkspaceRecordType, id: string): string {
  return `/${definitionOf(type).path}/${encodeURIComponent(id)}/attachments`;
}

export function attachmentsQuery(type: WorkspaceRecordType, id: string) {
  return queryOptions({
    queryKey: recordsKeys.part(type, id, 'attachments'),
    queryFn: () => apiFetch<{ items: AttachmentView[] }>(attachmentsPath(type, id)),
  });
}

export function downloadHref(attachment: Pick<AttachmentView, 'id'>): string {
  return `${API_BASE}/attachments/${encodeURIComponent(attachment.id)}`;
}

export function useUploadAttachment(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiFetch<AttachmentView>(attachmentsPath(type, id), { method: 'POST', body: form });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'attachments') });
      void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'timeline') });
    },
  });
}

/** DELETE /attachments/{id}: whoever may change the record (the history keeps that it was removed). */
export function useDeleteAttachment(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => apiFetch<void>(`/attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'attachments') });
      void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'timeline') });
    },
  });
}
