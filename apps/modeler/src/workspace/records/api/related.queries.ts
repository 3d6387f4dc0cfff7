// The records around a record: the people with a role at an organization, a contact's roles, a
// deal's contacts and product lines, and the leads and opportunities naming a record (the list
// API filtered by its reference). Each answers only what the caller sees.
import type { RecordView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface RelatedPerson {
  contactId: string;
  firstName: string | null;
  lastName: string;
  role: string | null;
}

export interface ContactRole {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string;
}

export interface ProductLines {
  items: { id: string; productName: string; quantity: number; unitPrice: number; currency: string; amount: number }[];
  totals: { currency: string; amount: number }[];
}

const path = (type: WorkspaceRecordType, id: string, part: string) => `/${definitionOf(type).path}/${encodeURIComponent(id)}/${part}`;

export function organizationContactsQuery(id: string) {
  return queryOptions({
    queryKey: recordsKeys.part('organization', id, 'contacts'),
    queryFn: () => apiFetch<{ items: RelatedPerson[] }>(path('organization', id, 'contacts')),
  });
}

export function opportunityContactsQuery(id: string) {
  return queryOptions({
    queryKey: recordsKeys.part('opportunity', id, 'contacts'),
    queryFn: () => apiFetch<{ items: RelatedPerson[] }>(path('opportunity', id, 'contacts')),
  });
}

export function contactRolesQuery(id: string) {
  return queryOptions({
    queryKey: recordsKeys.part('contact', id, 'roles'),
    queryFn: () => apiFetch<{ items: ContactRole[] }>(path('contact', id, 'roles')),
  });
}

export function productLinesQuery(id: string) {
  return queryOptions({
    queryKey: recordsKeys.part('opportunity', id, 'products'),
    queryFn: () => apiFetch<ProductLines>(path('opportunity', id, 'products')),
  });
}

/** The first records of `type` whose `field` names the record (`/leads?organizationId=…`). */
export function referringQuery(type: WorkspaceRecordType, field: string, owner: { type: WorkspaceRecordType; id: string }) {
  return queryOptions({
    queryKey: recordsKeys.part(owner.type, owner.id, 'referring', type, field),
    queryFn: () =>
      apiFetch<{ items: RecordView[]; nextCursor: string | null }>(`/${definitionOf(type).path}?${field}=${encodeURIComponent(owner.id)}&limit=20`),
  });
}
