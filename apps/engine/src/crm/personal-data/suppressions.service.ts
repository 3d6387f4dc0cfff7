// Suppressions of erased people: the keyed hash of each normalised e-mail and phone (HMAC-SHA256
// with a secret kept in `settings`, shared by all nodes like the JWT secret), refused on a later
// create of a contact or lead, or a change that gives one such an e-mail or phone (409 naming the
// suppression, not the data), until an admin lifts it.
import { createHmac, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../platform/database/queryable.js';
import { Conflict, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { SettingsService } from '../../platform/settings/settings.service.js';
import { toSuppressionView, type SuppressionKind, type SuppressionView } from './suppression.row.js';
import { SuppressionsRepository } from './suppressions.repository.js';

const SECRET_KEY = 'crm.suppression-hmac-secret';
/** The record types a suppression keeps out: the ones a person arrives as (a web form, an import). */
const SUPPRESSED_TYPES = new Set(['contact', 'lead']);

/** The normalised keys of a record (record-keys.ts: e-mails lower-cased, phones E.164). */
export interface PersonKeys {
  email_keys: readonly string[];
  phone_keys: readonly string[];
}

@Injectable()
export class SuppressionsService {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly suppressions: SuppressionsRepository,
    private readonly settings: SettingsService,
  ) {}

  private async hashes(keys: PersonKeys): Promise<{ kind: SuppressionKind; keyHash: string }[]> {
    this.secret ??= this.settings.getOrCreate(SECRET_KEY, SettingsService.randomSecret);
    const secret = await this.secret;
    const hash = (kind: SuppressionKind, key: string): string => createHmac('sha256', secret).update(`${kind}:${key}`).digest('hex');
    return [
      ...keys.email_keys.map((key) => ({ kind: 'email' as const, keyHash: hash('email', key) })),
      ...keys.phone_keys.map((key) => ({ kind: 'phone' as const, keyHash: hash('phone', key) })),
    ];
  }

  /** 409 when a new contact or lead has an e-mail or phone of an erased person. */
  async refuseSuppressed(recordType: string, keys: PersonKeys, db?: Queryable): Promise<void> {
    if (!SUPPRESSED_TYPES.has(recordType) || keys.email_keys.length + keys.phone_keys.length === 0) return;
    const found = await this.suppressions.inForce(
      (await this.hashes(keys)).map((entry) => entry.keyHash),
      db,
    );
    if (found.length === 0) return;
    throw new Conflict(
      `the ${recordType} has an e-mail or phone of a person erased at their request (suppression ${found.map((row) => row.id).join(', ')}); an admin may lift the suppression`,
      found.map((row) => ({ suppressionId: row.id, kind: row.kind })),
    );
  }

  /**
   * The same refusal for a change: only the keys it adds count — an address the record held already
   * is no new arrival (a lead keeps its other e-mail while its phone is edited).
   */
  async refuseAdded(recordType: string, before: PersonKeys, after: PersonKeys, db?: Queryable): Promise<void> {
    const added = (keys: readonly string[], old: readonly string[]): string[] => keys.filter((key) => !old.includes(key));
    await this.refuseSuppressed(
      recordType,
      { email_keys: added(after.email_keys, before.email_keys), phone_keys: added(after.phone_keys, before.phone_keys) },
      db,
    );
  }

  /** Suppresses the keys of an erased contact, in the erasure's transaction. */
  async suppress(contactId: string, keys: PersonKeys, principal: Principal, tx: Queryable): Promise<SuppressionView[]> {
    const entries = (await this.hashes(keys)).map((entry) => ({ id: randomUUID(), ...entry }));
    return (await this.suppressions.add(entries, contactId, principal.userId, tx)).map(toSuppressionView);
  }

  async list(): Promise<{ items: SuppressionView[] }> {
    return { items: (await this.suppressions.list(1000)).map(toSuppressionView) };
  }

  async lift(principal: Principal, id: string): Promise<SuppressionView> {
    const row = await this.suppressions.lift(id, principal.userId);
    if (!row) throw new NotFound(`suppression ${id} not found (or lifted already)`);
    return toSuppressionView(row);
  }
}
