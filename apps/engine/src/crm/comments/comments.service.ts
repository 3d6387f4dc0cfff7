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

  /** The mentioned users (not the author) who exist and may see the record, as their usernames. */
  private async mentionedWhoMaySee(author: Principal, type: RecordTypeDefinition, recordId: string, names: string[], tx: Queryable): Promise<string[]> {
    const others = names.filter((name) => name !== author.username);
    if (others.length === 0) return [];
    const users = await this.users.findByUsernames(others, tx);
    const notified: string[] = [];
    for (const name of others) {
      const user = users.find((candidate) => candidate.username === name);
      if (!user) continue;
      const them: Principal = { userId: user.id, username: user.username, roles: user.roles, groups: [] };
      if (await this.records.isVisible(type, them, recordId, tx)) notified.push(user.username);
    }
    return notified;
  }
}
