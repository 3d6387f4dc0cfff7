// The fields of a CRM record type, as data: the engine derives its columns, validation, filters
// and sorting from them, the OpenAPI document and the web app's forms their schemas. One list per
// record type (record-types.ts); a package's custom fields come on top, in `custom`.

export type RecordTypeName = 'organization' | 'contact' | 'lead' | 'opportunity' | 'activity';

export type RecordFieldKind =
  /** A line of text (maxLength). */
  | 'text'
  /** Free text of several lines (maxLength). */
  | 'longText'
  /** One of `values`. */
  | 'enum'
  /** A key of the editable catalog `catalog` (catalogs.ts); retired keys are refused on write. */
  | 'catalog'
  /** E-mail addresses, compared lower-cased. */
  | 'emails'
  /** Phone numbers, compared normalised (E.164). */
  | 'phones'
  | 'url'
  | 'integer'
  /** A decimal amount, kept exactly (sent as a JSON number). */
  | 'decimal'
  /** An ISO 4217 currency code. */
  | 'currency'
  /** A calendar date, `YYYY-MM-DD`. */
  | 'date'
  /** An instant, RFC 3339. */
  | 'datetime'
  | 'boolean'
  /** The id of a user (the record's owner). */
  | 'user'
  /** The id of a team (the queue a record without owner waits in). */
  | 'team'
  /** The id of a record of `recordType`. */
  | 'record'
  /** The id of a marketing campaign (`/api/v1/campaigns`). */
  | 'campaign'
  /** Postal addresses: [{kind?, street?, city?, postalCode?, region?, country?}]. */
  | 'addresses';

export interface RecordField {
  /** The API name (camelCase); the column is its snake_case. */
  readonly name: string;
  readonly kind: RecordFieldKind;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly values?: readonly string[];
  readonly catalog?: string;
  readonly recordType?: RecordTypeName;
  /** Filterable with `?<name>=value` in lists. */
  readonly filter?: boolean;
  /** Sortable with `?sort=<name>` / `?sort=-<name>` in lists. */
  readonly sort?: boolean;
  /** Part of the global search text (names, e-mails, phones). */
  readonly search?: boolean;
  /** Set by the engine (a process, a rule), never by a write of the API. */
  readonly readOnly?: boolean;
  readonly description?: string;
}

export interface RecordTypeDefinition {
  readonly name: RecordTypeName;
  /** The collection's path under /api/v1 and its table. */
  readonly path: string;
  readonly table: string;
  readonly fields: readonly RecordField[];
  /** The field(s) whose text names a record in lists, search results and the history. */
  readonly title: readonly string[];
  /** Normalised keys that make two records the same party (409 on create, unless allowDuplicate). */
  readonly duplicateKeys?: readonly ('emails' | 'phones' | 'legalId')[];
}
