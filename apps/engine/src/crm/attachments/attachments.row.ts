// `crm_attachments`: a file on one record, its bytes in `content` (read only for a download).
import type { RecordTypeName } from '@stageflow/api-contract';

export interface AttachmentRow {
  id: string;
  record_type: RecordTypeName;
  /** The referenced record, from the column of its type (organization_id, contact_id, …). */
  record_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_by_name: string;
  created_at: Date;
}

export interface AttachmentView {
  id: string;
  recordType: RecordTypeName;
  recordId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string | null; name: string };
  createdAt: string;
  /** Where to download it. */
  href: string;
}

export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by, name: row.uploaded_by_name },
    createdAt: row.created_at.toISOString(),
    href: `/api/v1/attachments/${row.id}`,
  };
}

/** What a record's history keeps of a file: enough to name it, never its bytes. */
export function attachmentHistoryValue(row: AttachmentRow): { id: string; fileName: string; contentType: string; size: number } {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size_bytes };
}
