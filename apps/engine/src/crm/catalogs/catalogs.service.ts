// The editable catalogs: everyone reads them (forms need them), administrators add values, rename,
// reorder and retire them. A value a record uses cannot be deleted, only retired: the record keeps
// it, new writes cannot choose it.
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { Conflict, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { JsonObject } from '../../platform/http/input.js';
import { columnOf } from '../records/record-columns.js';
import { CatalogValuesRepository } from './catalog-values.repository.js';
import { toCatalogValueView, type CatalogValueView } from './catalog-values.row.js';

const KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The catalogs record fields name: the only catalogs there are. */
export const CATALOG_NAMES: readonly string[] = [
  ...new Set(Object.values(RECORD_TYPES).flatMap((type) => type.fields.flatMap((field) => (field.catalog ? [field.catalog] : [])))),
  'roles',
].sort();

/** Catalog values held outside the record tables: a contact's role at an organization, a campaign's channel. */
const OTHER_USES: Readonly<Record<string, readonly { table: string; column: string }[]>> = {
  roles: [
    { table: 'crm_contact_roles', column: 'role' },
    { table: 'crm_opportunity_contacts', column: 'role' },
  ],
  'lead-channels': [{ table: 'crm_campaigns', column: 'channel' }],
};

/** The columns that hold values of `catalog`: record fields and the other uses. */
function catalogColumns(catalog: string): { table: string; column: string }[] {
  return [
    ...Object.values(RECORD_TYPES).flatMap((type) =>
      type.fields.filter((field) => field.catalog === catalog).map((field) => ({ table: type.table, column: columnOf(field.name) })),
    ),
    ...(OTHER_USES[catalog] ?? []),
  ];
}

function keyOf(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

@Injectable()
export class CatalogsService {
  constructor(private readonly values: CatalogValuesRepository) {}

  async catalogs(): Promise<{ name: string; values: number }[]> {
    const counts = new Map((await this.values.catalogs()).map((row) => [row.catalog, row.values]));
    return CATALOG_NAMES.map((name) => ({ name, values: counts.get(name) ?? 0 }));
  }

  async list(catalog: string): Promise<{ items: CatalogValueView[] }> {
    this.known(catalog);
    return { items: (await this.values.values(catalog)).map(toCatalogValueView) };
  }

  async add(catalog: string, body: unknown): Promise<CatalogValueView> {
    this.known(catalog);
    const input = this.object(body, ['key', 'label', 'position']);
    const label = this.label(input.label, true)!;
    const key = input.key === undefined ? keyOf(label) : input.key;
    if (typeof key !== 'string' || !KEY.test(key)) throw Invalid.field('key', 'must be lower-case letters, digits and dashes (at most 100)');
    const position = this.position(input.position) ?? (await this.values.values(catalog)).length;
    const row = await this.values.insert({ catalog, key, label, position, retired: false });
    if (!row) throw new Conflict(`the catalog ${catalog} has a value ${key} already`, [{ catalog, key }]);
    return toCatalogValueView(row);
  }

  async change(catalog: string, key: string, body: unknown): Promise<CatalogValueView> {
    this.known(catalog);
    const input = this.object(body, ['label', 'position', 'retired']);
    if (input.retired !== undefined && typeof input.retired !== 'boolean') throw Invalid.field('retired', 'must be true or false');
    const row = await this.values.update(catalog, key, {
      label: this.label(input.label, false),
      position: this.position(input.position),
      retired: input.retired as boolean | undefined,
    });
    if (!row) throw new NotFound(`the catalog ${catalog} has no value ${key}`);
    return toCatalogValueView(row);
  }

  /** Deletes a value no record uses; one in use answers 409 (retire it instead). */
  async delete(catalog: string, key: string): Promise<void> {
    this.known(catalog);
    if (!(await this.values.find(catalog, key))) throw new NotFound(`the catalog ${catalog} has no value ${key}`);
    const uses = await this.values.uses(key, catalogColumns(catalog));
    if (uses > 0) throw new Conflict(`${key} is used by ${uses} record(s): retire it instead (PATCH with {"retired": true})`, [{ catalog, key, uses }]);
    await this.values.delete(catalog, key);
  }

  private known(catalog: string): void {
    if (!CATALOG_NAMES.includes(catalog)) throw new NotFound(`there is no catalog ${catalog} (catalogs: ${CATALOG_NAMES.join(', ')})`);
  }

  private object(body: unknown, allowed: readonly string[]): JsonObject {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw Invalid.field('body', 'must be a JSON object');
    for (const key of Object.keys(body)) if (!allowed.includes(key)) throw Invalid.field(key, 'is not allowed');
    return body as JsonObject;
  }

  private label(value: unknown, required: boolean): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > 200)
      throw Invalid.field('label', 'must be a non-empty text of at most 200 characters');
    return value.trim();
  }

  private position(value: unknown): number | undefined {
    if (value === undefined) return undefined;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 10_000)
      throw Invalid.field('position', 'must be an integer between 0 and 10000');
    return value as number;
  }
}
