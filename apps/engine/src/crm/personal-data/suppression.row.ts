// `crm_suppressions`: one keyed hash of an erased person's normalised e-mail or phone, and its view.
export type SuppressionKind = 'email' | 'phone';

export interface SuppressionRow {
  id: string;
  kind: SuppressionKind;
  key_hash: string;
  contact_id: string;
  created_by: string | null;
  created_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
}

/** A suppression as the API shows it: never the hash, never the data. */
export interface SuppressionView {
  id: string;
  kind: SuppressionKind;
  contactId: string;
  createdAt: string;
  liftedAt: string | null;
}

export function toSuppressionView(row: SuppressionRow): SuppressionView {
  return { id: row.id, kind: row.kind, contactId: row.contact_id, createdAt: row.created_at.toISOString(), liftedAt: row.lifted_at?.toISOString() ?? null };
}
