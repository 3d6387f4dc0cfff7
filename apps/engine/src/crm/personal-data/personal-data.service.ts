// A person's data: everything held about a contact (export), and its erasure everywhere it was
// copied — the contact's fields, the history values, activities' texts, leads and opportunities
// naming them, attachments and comments, e-mails in the outbox, notifications, process variables,
// history and tasks — keeping the statistics (rows, counts, stages, values, dates), with a
// suppression of their e-mail and phone.
import { Inject, Injectable } from '@nestjs/common';
import { activityType, contactType, leadType, opportunityType, type RecordTypeDefinition } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { Forbidden, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { EmailOutboxRepository } from '../../platform/outbound/email/email-outbox.repository.js';
import type { EmailView } from '../../platform/outbound/email/email-outbox.row.js';
import { NotificationsRepository } from '../../platform/notifications/notifications.repository.js';
import { ProcessPersonalData, type PersonalDataInstance } from '../../process/index.js';
import { AttachmentsRepository } from '../attachments/attachments.repository.js';
import { toAttachmentView, type AttachmentView } from '../attachments/attachments.row.js';
import { CommentsRepository } from '../comments/comments.repository.js';
import { toCommentView, type CommentView } from '../comments/comments.row.js';
import { toRecordView, type RecordRow, type RecordView } from '../records/record-columns.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import { toFieldChangeViews, type FieldChangeView } from '../records/record-history.row.js';
import { phoneKey, recordKeys } from '../records/record-keys.js';
import { encodeCursor, MAX_PAGE, parseRecordListQuery } from '../records/record-list-query.js';
import { RecordsRepository } from '../records/records.repository.js';
import { ERASED, personalValues, type PersonalValues } from './personal-values.js';
import type { SuppressionView } from './suppression.row.js';
import { SuppressionsService } from './suppressions.service.js';

export interface PersonalDataExport {
  exportedAt: string;
  contact: RecordView;
  history: FieldChangeView[];
  activities: RecordView[];
  leads: RecordView[];
  opportunities: RecordView[];
  /** The files on the contact and on its leads, opportunities and activities (without their bytes). */
  attachments: AttachmentView[];
  /** The comments on those records, and those on any record the caller sees that name the person. */
  comments: CommentView[];
  emails: EmailView[];
  processInstances: PersonalDataInstance[];
}

export interface ErasureReport {
  contactId: string;
  erasedAt: string;
  records: { leads: number; opportunities: number; activities: number };
  /** Files on the contact deleted; files on its other records whose name held the person's values, renamed. */
  attachments: { deleted: number; renamed: number };
  /** Comments whose text changed (those on the contact redacted whole, others where they name the person). */
  comments: number;
  notifications: number;
  emails: number;
  processInstances: number;
  suppressions: SuppressionView[];
}

interface Linked {
  leads: RecordRow[];
  opportunities: RecordRow[];
  activities: RecordRow[];
}

const HISTORY_LIMIT = 10_000;

@Injectable()
export class PersonalDataService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly emails: EmailOutboxRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly comments: CommentsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly processes: ProcessPersonalData,
    private readonly suppressions: SuppressionsService,
    private readonly transactions: Transactions,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** Everything held about the contact that the caller may see (a seller: their records; an admin: all). */
  async export(principal: Principal, id: string): Promise<PersonalDataExport> {
    const row = await this.records.findVisible(contactType, principal, 'read', id);
    if (!row) throw new NotFound(`contact ${id} not found`);
    const contact = toRecordView(contactType, row);
    const values = personalValues(contact, this.config.phoneRegion);
    const linked = await this.linked(principal, row);
    const writes = await this.history.of(contactType.name, id, HISTORY_LIMIT);
    return {
      exportedAt: new Date().toISOString(),
      contact,
      history: writes.flatMap(toFieldChangeViews),
      activities: linked.activities.map((activity) => toRecordView(activityType, activity)),
      leads: linked.leads.map((lead) => toRecordView(leadType, lead)),
      opportunities: linked.opportunities.map((opportunity) => toRecordView(opportunityType, opportunity)),
      attachments: (await this.attachments.ofRecords(this.recordsOf(id, linked))).map(toAttachmentView),
      comments: (await this.comments.aboutOrMentioning(this.recordsOf(id, linked), principal, values.sql)).map(toCommentView),
      emails: await this.emails.toAddresses((contact.emails as string[] | null) ?? []),
      processInstances: await this.processes.instancesHolding(values.sql, this.businessKeys(id, linked)),
    };
  }

  /** Removes the contact's personal data everywhere it was copied (admins), in one transaction. */
  async erase(principal: Principal, id: string): Promise<ErasureReport> {
    if (!principal.roles.includes('admin')) throw new Forbidden('only an admin erases a person’s data');
    return this.transactions.run(async (tx) => {
      const row = await this.records.findVisible(contactType, principal, 'write', id, tx, true);
      if (!row) throw new NotFound(`contact ${id} not found`);
      const contact = toRecordView(contactType, row);
      const values = personalValues(contact, this.config.phoneRegion);
      const keys = recordKeys(contactType, contact, this.config.phoneRegion);
      const linked = await this.linked(principal, row, tx);

      await this.rewrite(contactType, row, { firstName: null, lastName: ERASED, emails: null, phones: null }, {}, tx);
      for (const activity of linked.activities) {
        const about = activity.contact_id === id;
        // Activities with the person: their texts go; the kind, dates and outcome flag stay.
        const fields = about ? { subject: ERASED, body: null, outcome: null } : this.scrubbed(activityType, activity, values);
        await this.rewrite(activityType, activity, fields, this.scrubbedCustom(activity, values), tx);
      }
      for (const lead of linked.leads) {
        const fields = { ...this.scrubbed(leadType, lead, values), ...(lead.contact_id === id ? { contactName: null } : {}) };
        await this.rewrite(leadType, lead, fields, this.scrubbedCustom(lead, values), tx);
      }
      for (const opportunity of linked.opportunities) {
        await this.rewrite(opportunityType, opportunity, this.scrubbed(opportunityType, opportunity, values), this.scrubbedCustom(opportunity, values), tx);
      }
      await this.history.scrub(
        [
          { recordType: contactType.name, recordId: id },
          ...linked.leads.map((lead) => ({ recordType: leadType.name, recordId: lead.id })),
          ...linked.opportunities.map((opportunity) => ({ recordType: opportunityType.name, recordId: opportunity.id })),
          ...linked.activities.map((activity) => ({ recordType: activityType.name, recordId: activity.id })),
        ],
        values.sql,
        ERASED,
        tx,
      );
      // Files on the contact are about the person: they go. Others keep their bytes (a deal's offer), their names lose the values.
      const deleted = await this.attachments.deleteOfRecord(contactType, id, tx);
      const others = await this.attachments.ofRecords(this.recordsOf(id, linked), tx);
      const renamed = await this.attachments.scrubFileNames(
        others.map((attachment) => attachment.id),
        values.sql,
        ERASED,
        tx,
      );
      const comments = (await this.comments.redactOfRecord(contactType, id, ERASED, tx)) + (await this.comments.scrub(values.sql, ERASED, tx));
      const notifications = await this.notifications.scrub(values.sql, ERASED, tx);
      const emails = await this.emails.scrub(keys.email_keys, values.sql, ERASED, tx);
      const instances = await this.processes.instancesHolding(values.sql, this.businessKeys(id, linked), tx);
      await this.processes.scrub(
        instances.map((instance) => instance.id),
        values.sql,
        ERASED,
        tx,
      );
      const suppressions = await this.suppressions.suppress(id, keys, principal, tx);
      await this.history.append(
        contactType.name,
        id,
        { actorId: principal.userId, actorName: principal.username, source: 'user', reason: 'erasure of personal data at the person’s request' },
        [{ field: 'personalData', old: null, new: 'erased' }],
        tx,
      );
      return {
        contactId: id,
        erasedAt: new Date().toISOString(),
        records: { leads: linked.leads.length, opportunities: linked.opportunities.length, activities: linked.activities.length },
        attachments: { deleted, renamed },
        comments,
        notifications,
        emails,
        processInstances: instances.length,
        suppressions,
      };
    });
  }

  private businessKeys(contactId: string, linked: Linked): string[] {
    return [contactId, ...linked.leads.map((lead) => lead.id), ...linked.opportunities.map((opportunity) => opportunity.id)];
  }

  /** The contact and its linked records, by type (for their attachments and comments). */
  private recordsOf(contactId: string, linked: Linked): { type: RecordTypeDefinition; ids: string[] }[] {
    return [
      { type: contactType, ids: [contactId] },
      { type: leadType, ids: linked.leads.map((lead) => lead.id) },
      { type: opportunityType, ids: linked.opportunities.map((opportunity) => opportunity.id) },
      { type: activityType, ids: linked.activities.map((activity) => activity.id) },
    ];
  }

  /** Leads and opportunities naming the contact (by reference, or leads by e-mail or phone) and the activities on any of them. */
  private async linked(principal: Principal, contact: RecordRow, db?: Queryable): Promise<Linked> {
    const keys = recordKeys(contactType, toRecordView(contactType, contact), this.config.phoneRegion);
    const leads = new Map<string, RecordRow>();
    for (const lead of await this.all(leadType, principal, { contactId: contact.id }, db)) leads.set(lead.id, lead);
    if (keys.email_keys.length + keys.phone_keys.length > 0) {
      for (const candidate of await this.records.duplicates(leadType, principal, { ...keys, legal_id_key: null }, db)) {
        if (candidate.visible && (candidate.matched.includes('emails') || candidate.matched.includes('phones'))) leads.set(candidate.id, candidate.row);
      }
    }
    const opportunities = new Map<string, RecordRow>();
    for (const opportunity of await this.all(opportunityType, principal, { contactId: contact.id }, db)) opportunities.set(opportunity.id, opportunity);
    const activities = new Map<string, RecordRow>();
    const filters = [
      { contactId: contact.id },
      ...[...leads.keys()].map((leadId) => ({ leadId })),
      ...[...opportunities.keys()].map((opportunityId) => ({ opportunityId })),
    ];
    for (const filter of filters) for (const activity of await this.all(activityType, principal, filter, db)) activities.set(activity.id, activity);
    return { leads: [...leads.values()], opportunities: [...opportunities.values()], activities: [...activities.values()] };
  }

  /** Every record of `type` the caller sees with this filter, page by page. */
  private async all(type: RecordTypeDefinition, principal: Principal, filter: Record<string, string>, db?: Queryable): Promise<RecordRow[]> {
    const rows: RecordRow[] = [];
    let cursor: string | undefined;
    for (;;) {
      const query = parseRecordListQuery(type, { ...filter, limit: String(MAX_PAGE), ...(cursor ? { cursor } : {}) });
      const page = await this.records.list(type, principal, query, db);
      rows.push(...page.slice(0, MAX_PAGE));
      if (page.length <= MAX_PAGE) return rows;
      const last = page[MAX_PAGE - 1]!;
      cursor = encodeCursor(last.sort_value, last.id);
    }
  }

  /** The text, e-mail and phone fields of a record with the person's values taken out (only the fields that change). */
  private scrubbed(type: RecordTypeDefinition, row: RecordRow, values: PersonalValues): Record<string, unknown> {
    const view = toRecordView(type, row);
    const changed: Record<string, unknown> = {};
    for (const field of type.fields) {
      const value = view[field.name];
      if ((field.kind === 'text' || field.kind === 'longText') && typeof value === 'string') {
        values.regex.lastIndex = 0;
        const next = value.replace(values.regex, ERASED);
        if (next !== value) changed[field.name] = next;
      } else if ((field.kind === 'emails' || field.kind === 'phones') && Array.isArray(value)) {
        const key = (item: string): string => (field.kind === 'emails' ? item.trim().toLowerCase() : phoneKey(item, values.region));
        const kept = (value as string[]).filter((item) => !values.keys.has(key(item)));
        if (kept.length !== value.length) changed[field.name] = kept.length === 0 ? null : kept;
      }
    }
    return changed;
  }

  private scrubbedCustom(row: RecordRow, values: PersonalValues): Record<string, unknown> | undefined {
    const text = JSON.stringify(row.custom ?? {});
    const next = text.replace(values.regex, (match) => (match.includes('"') ? match : ERASED));
    return next === text ? undefined : (JSON.parse(next) as Record<string, unknown>);
  }

  private async rewrite(
    type: RecordTypeDefinition,
    row: RecordRow,
    fields: Record<string, unknown>,
    custom: Record<string, unknown> | undefined,
    tx: Queryable,
  ): Promise<void> {
    if (Object.keys(fields).length === 0 && custom === undefined) return;
    const after = { ...toRecordView(type, row), ...fields };
    await this.records.update(type, row.id, { fields, ...(custom === undefined ? {} : { custom }) }, recordKeys(type, after, this.config.phoneRegion), tx);
  }
}
