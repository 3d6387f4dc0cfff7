// The product catalog: everyone reads it (leads and opportunities name products), administrators
// and managers add, change and delete products. A product on an opportunity cannot be deleted,
// only made inactive: the opportunity keeps it, new lines cannot choose it.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Conflict, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { BodyReader } from '../records/body-input.js';
import { isDuplicateCode, isInUse, ProductsRepository, type ProductContent } from './products.repository.js';
import { toProductView, type ProductView } from './products.row.js';

const FIELDS = ['name', 'code', 'description', 'unitPrice', 'currency', 'active'] as const;

@Injectable()
export class ProductsService {
  constructor(private readonly products: ProductsRepository) {}

  async list(query: JsonObject): Promise<Page<ProductView>> {
    for (const key of Object.keys(query))
      if (!['active', 'q', 'offset', 'limit', 'page', 'pageSize'].includes(key)) throw Invalid.field(key, 'is not a filter of products');
    const active = queryString(query, 'active');
    if (active !== undefined && active !== 'true' && active !== 'false') throw Invalid.field('active', 'must be true or false');
    const paging = parsePaging(query);
    const q = queryString(query, 'q')?.trim();
    const { rows, total } = await this.products.list({ active: active === undefined ? undefined : active === 'true', q: q || undefined }, paging);
    return { items: rows.map(toProductView), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<ProductView> {
    return toProductView(await this.existing(id));
  }

  async create(body: unknown): Promise<ProductView> {
    const content = this.read(body, 'create') as ProductContent;
    try {
      return toProductView(await this.products.insert(randomUUID(), { ...content, active: content.active ?? true }));
    } catch (error) {
      if (isDuplicateCode(error)) throw this.duplicate(content.code);
      throw error;
    }
  }

  async update(id: string, body: unknown): Promise<ProductView> {
    if (!isUuid(id)) throw new NotFound(`product ${id} not found`);
    const change = this.read(body, 'update');
    try {
      const row = await this.products.update(id, change);
      if (!row) throw new NotFound(`product ${id} not found`);
      return toProductView(row);
    } catch (error) {
      if (isDuplicateCode(error)) throw this.duplicate(change.code!);
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFound(`product ${id} not found`);
    try {
      if (!(await this.products.delete(id))) throw new NotFound(`product ${id} not found`);
    } catch (error) {
      if (isInUse(error)) throw new Conflict(`product ${id} is on opportunities: make it inactive instead (PATCH with {"active": false})`, [{ id }]);
      throw error;
    }
  }

  /** An active product (for a new opportunity line); a missing or inactive one names `field`. */
  async activeProduct(id: string, field: string): Promise<ProductView> {
    const row = isUuid(id) ? await this.products.find(id) : undefined;
    if (!row) throw Invalid.field(field, 'names no product');
    if (!row.active) throw Invalid.field(field, `names the inactive product ${row.code}`);
    return toProductView(row);
  }

  private async existing(id: string) {
    const row = isUuid(id) ? await this.products.find(id) : undefined;
    if (!row) throw new NotFound(`product ${id} not found`);
    return row;
  }

  private read(body: unknown, kind: 'create' | 'update'): Partial<ProductContent> {
    const create = kind === 'create';
    const input = new BodyReader(body, FIELDS, create ? 0 : 1);
    const content: Partial<ProductContent> = {
      name: input.text('name', 200, { required: create }) ?? undefined,
      code: input.text('code', 50, { required: create }) ?? undefined,
      description: input.text('description', 2000, { nullable: true }),
      unit_price: input.decimal('unitPrice', 0, { required: create }) ?? undefined,
      currency: input.currency('currency', { required: create }) ?? undefined,
      active: input.boolean('active') ?? undefined,
    };
    input.done();
    return Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
  }

  private duplicate(code: string): Conflict {
    return new Conflict(`a product with the code ${code} exists`, [{ path: 'code', message: 'is taken by another product' }]);
  }
}
