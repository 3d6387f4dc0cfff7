// Comments on CRM records: written by whoever may change the record, read by whoever may see it.
// An @mention of an existing user who may see the record notifies them (in the comment's
// transaction); any other mention — an unknown name, or a user who may not see the record — stays
// text, and nothing tells the author which of the two it was.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import type { UserRow } from '../../platform/identity/users/users.row.js';
import type { JsonObject } from '../../platform/http/input.js';
import { NotificationsRepository } from '../../platform/notifications/notifications.repository.js';
import { BodyReader } from '../records/body-input.js';
import { titleOf, toRecordView } from '../records/record-columns.js';
import { visibleRecord } from '../records/record-scope.js';
import { RecordsRepository } from '../records/records.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { toCommentView, type CommentView } from './comments.row.js';
import { mentionsIn } from './mentions.js';

const MAX_BODY = 10_000;
const PAGE = 50;
const MAX_PAGE = 200;
/** The mention picker's answer: at most this many users, found among the first MENTION_SCAN by name. */
const MENTIONABLE = 10;
const MENTION_SCAN = 50;

/** A user a comment on the record may @mention with effect: one who may see the record. */
export interface MentionableUser {
  id: string;
  username: string;
}

export interface CommentPage {
  items: CommentView[];
  nextCursor: string | null;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function decodeCursor(raw: string): { createdAt: string; id: string } {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof cursor.at === 'string' && !Number.isNaN(Date.parse(cursor.at)) && typeof cursor.id === 'string' && /^[0-9a-f-]{36}$/i.test(cursor.id))
      return { createdAt: cursor.at, id: cursor.id };
  } catch {
    // refused below
  }
  throw Invalid.field('cursor', 'is not a cursor of this list (take it from the previous page)');
}

/** A user as the records' visibility sees them (their teams are read from their row by the statement). */
function principalOf(user: UserRow): Principal {
  return { userId: user.id, username: user.username, roles: user.roles, groups: [] };
}

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly records: RecordsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsRepository,
    private readonly transactions: Transactions,
  ) {}

  async add(principal: Principal, type: RecordTypeDefinition, recordId: string, body: unknown): Promise<CommentView> {
    const input = new BodyReader(body, ['body']);
    const text = input.text('body', MAX_BODY, { required: true })!;
    input.done();
    return this.transactions.run(async (tx) => {
      const record = await visibleRecord(this.records, principal, type, 'write', recordId, tx);
      const id = randomUUID();
      const notified = await this.mentionedWhoMaySee(principal, type, recordId, mentionsIn(text), tx);
      const title = titleOf(type, toRecordView(type, record));
      for (const username of notified) {
        await this.notifications.insertOnce(
          {
            id: randomUUID(),
            username,
            message: `${principal.username} mentioned you on the ${type.name} "${title}" (/api/v1/${type.path}/${recordId}): ${excerpt(text)}`,
            process_instance_id: null,
            idempotency_key: `crm-comment:${id}:${username}`,
          },
          tx,
        );
      }
      const row = await this.comments.insert(type, recordId, { id, body: text, notified, author_id: principal.userId, author_name: principal.username }, tx);
      return toCommentView(row);
    });
  }

  async list(principal: Principal, type: RecordTypeDefinition, recordId: string, query: JsonObject): Promise<CommentPage> {
    for (const key of Object.keys(query)) if (key !== 'cursor' && key !== 'limit') throw Invalid.field(key, 'is not a parameter of this list');
    const limit = query.limit === undefined ? PAGE : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw Invalid.field('limit', `must be an integer between 1 and ${MAX_PAGE}`);
    if (query.cursor !== undefined && typeof query.cursor !== 'string') throw Invalid.field('cursor', 'must be given once');
    const before = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
    await visibleRecord(this.records, principal, type, 'read', recordId);
    const rows = await this.comments.ofRecord(type, recordId, limit + 1, before);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCommentView),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ at: last.cursor_at, id: last.id })).toString('base64url') : null,
    };
  }

  /**
   * The mention picker: active users (not the caller) whose username starts with `q` and who may
   * see the record — those a mention would notify. Seen through the record, so it answers 404 for a
   * record the caller does not see; it names nobody who could not read the comment anyway.
   */
  async mentionable(principal: Principal, type: RecordTypeDefinition, recordId: string, query: JsonObject): Promise<{ items: MentionableUser[] }> {
    for (const key of Object.keys(query)) if (key !== 'q') throw Invalid.field(key, 'is not a parameter of this list');
    const prefix = query.q ?? '';
    if (typeof prefix !== 'string' || prefix.length > 100) throw Invalid.field('q', 'must be given once, at most 100 characters');
    await visibleRecord(this.records, principal, type, 'read', recordId);
    const items: MentionableUser[] = [];
    for (const user of await this.users.findActiveByUsernamePrefix(prefix, MENTION_SCAN)) {
      if (user.id === principal.userId) continue;
      if (await this.records.isVisible(type, principalOf(user), recordId)) items.push({ id: user.id, username: user.username });
      if (items.length === MENTIONABLE) break;
    }
    return { items };
  }

  /** The mentioned users (not the author) who exist and may see the record, as their usernames. */
  private async mentionedWhoMaySee(author: Principal, type: RecordTypeDefinition, recordId: string, names: string[], tx: Queryable): Promise<string[]> {
    const others = names.filter((name) => name !== author.username);
    if (others.length === 0) return [];
    const users = await this.users.findByUsernames(others, tx);
    const notified: string[] = [];
    for (const name of others) {
      const user = users.find((candidate) => candidate.username === name);
      if (!user) continue;
      if (await this.records.isVisible(type, principalOf(user), recordId, tx)) notified.push(user.username);
    }
    return notified;
  }
}
