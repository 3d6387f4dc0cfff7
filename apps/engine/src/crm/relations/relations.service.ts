// How records relate: a contact's roles at organizations, an opportunity's contacts and its
// products. Each route starts from a record the caller may see (404 otherwise) — and may change,
// for a write; the other side must be a record the caller sees too (400 naming the field), and a
// list shows only the other sides the caller sees. Every change is written into the history of
// the record it starts from, in the same transaction.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { contactType, opportunityType, organizationType, type RecordTypeDefinition } from '@stageflow/api-contract';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { Conflict, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid } from '../../platform/http/input.js';
import { CatalogValuesRepository } from '../catalogs/catalog-values.repository.js';
import { ProductsService } from '../products/products.service.js';
import { BodyReader } from '../records/body-input.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import type { FieldChange } from '../records/record-history.row.js';
import { userOrigin, visibleRecord } from '../records/record-scope.js';
import { RecordsRepository } from '../records/records.repository.js';
import { ContactRolesRepository } from './contact-roles.repository.js';
import { toContactRoleView, toOrganizationContactView, type ContactRoleView, type OrganizationContactView } from './contact-roles.row.js';
import { OpportunityContactsRepository } from './opportunity-contacts.repository.js';
import { toOpportunityContactView, type OpportunityContactView } from './opportunity-contacts.row.js';
import { OpportunityProductsRepository } from './opportunity-products.repository.js';
import { productListOf, toOpportunityProductView, type OpportunityProductList, type OpportunityProductView } from './opportunity-products.row.js';

export type { OpportunityProductList };

const ROLES = 'roles';

@Injectable()
export class RelationsService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly catalogs: CatalogValuesRepository,
    private readonly products: ProductsService,
    private readonly contactRoles: ContactRolesRepository,
    private readonly opportunityContacts: OpportunityContactsRepository,
    private readonly opportunityProducts: OpportunityProductsRepository,
    private readonly transactions: Transactions,
  ) {}

  // --- a contact's roles at organizations

  async addContactRole(principal: Principal, contactId: string, body: unknown): Promise<ContactRoleView> {
    const input = new BodyReader(body, ['organizationId', 'role']);
    const organizationId = input.uuid('organizationId', { required: true });
    const role = input.text('role', 100, { required: true });
    input.done();
    return this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, contactType, 'write', contactId, tx, true);
      await this.checkReferences(principal, input, [{ field: 'organizationId', type: organizationType, id: organizationId! }], tx);
      await this.checkRole(input, 'role', role!, tx);
      input.done();
      const row = await this.contactRoles.insert({ id: randomUUID(), contact_id: contactId, organization_id: organizationId!, role: role! }, tx);
      if (!row) throw new Conflict(`the contact holds the role ${role} at that organization already`, [{ path: 'role', message: 'is held already' }]);
      await this.record(principal, contactType, contactId, { field: 'roles', old: null, new: { organizationId, role } }, tx);
      return toContactRoleView(row);
    });
  }

  async contactRolesOf(principal: Principal, contactId: string): Promise<{ items: ContactRoleView[] }> {
    await visibleRecord(this.records, principal, contactType, 'read', contactId);
    return { items: (await this.contactRoles.ofContact(contactId, principal)).map(toContactRoleView) };
  }

  async removeContactRole(principal: Principal, contactId: string, roleId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, contactType, 'write', contactId, tx, true);
      const removed = isUuid(roleId) ? await this.contactRoles.delete(contactId, roleId, tx) : undefined;
      if (!removed) throw new NotFound(`the contact has no role ${roleId}`);
      await this.record(
        principal,
        contactType,
        contactId,
        { field: 'roles', old: { organizationId: removed.organization_id, role: removed.role }, new: null },
        tx,
      );
    });
  }

  async contactsOfOrganization(principal: Principal, organizationId: string): Promise<{ items: OrganizationContactView[] }> {
    await visibleRecord(this.records, principal, organizationType, 'read', organizationId);
    return { items: (await this.contactRoles.ofOrganization(organizationId, principal)).map(toOrganizationContactView) };
  }

  // --- an opportunity's contacts

  async addOpportunityContact(principal: Principal, opportunityId: string, body: unknown): Promise<OpportunityContactView> {
    const input = new BodyReader(body, ['contactId', 'role']);
    const contactId = input.uuid('contactId', { required: true });
    const role = input.text('role', 100, { nullable: true });
    input.done();
    return this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, opportunityType, 'write', opportunityId, tx, true);
      await this.checkReferences(principal, input, [{ field: 'contactId', type: contactType, id: contactId! }], tx);
      if (role) await this.checkRole(input, 'role', role, tx);
      input.done();
      const row = await this.opportunityContacts.upsert(opportunityId, contactId!, role ?? null, tx);
      await this.record(principal, opportunityType, opportunityId, { field: 'contacts', old: null, new: { contactId, role: role ?? null } }, tx);
      return toOpportunityContactView(row);
    });
  }

  async opportunityContactsOf(principal: Principal, opportunityId: string): Promise<{ items: OpportunityContactView[] }> {
    await visibleRecord(this.records, principal, opportunityType, 'read', opportunityId);
    return { items: (await this.opportunityContacts.ofOpportunity(opportunityId, principal)).map(toOpportunityContactView) };
  }

  async removeOpportunityContact(principal: Principal, opportunityId: string, contactId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, opportunityType, 'write', opportunityId, tx, true);
      if (!isUuid(contactId) || !(await this.opportunityContacts.delete(opportunityId, contactId, tx)))
        throw new NotFound(`contact ${contactId} is not on the opportunity`);
      await this.record(principal, opportunityType, opportunityId, { field: 'contacts', old: { contactId }, new: null }, tx);
    });
  }

  // --- an opportunity's products

  async addOpportunityProduct(principal: Principal, opportunityId: string, body: unknown): Promise<OpportunityProductView> {
    const input = new BodyReader(body, ['productId', 'quantity', 'unitPrice', 'currency']);
    const productId = input.uuid('productId', { required: true });
    const quantity = input.decimal('quantity', 0, { required: true, exclusiveMinimum: true });
    const unitPrice = input.decimal('unitPrice', 0);
    const currency = input.currency('currency');
    if (currency !== undefined && unitPrice === undefined)
      input.refuse('currency', 'is given only with a unitPrice (else the catalog price and its currency apply)');
    input.done();
    return this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, opportunityType, 'write', opportunityId, tx, true);
      const product = await this.products.activeProduct(productId!, 'productId');
      const row = await this.opportunityProducts.insert(
        {
          id: randomUUID(),
          opportunity_id: opportunityId,
          product_id: product.id,
          quantity: quantity!,
          unit_price: unitPrice ?? product.unitPrice,
          currency: currency ?? product.currency,
        },
        tx,
      );
      const line = toOpportunityProductView(row);
      await this.record(principal, opportunityType, opportunityId, { field: 'products', old: null, new: lineOf(line) }, tx);
      return line;
    });
  }

  async opportunityProductsOf(principal: Principal, opportunityId: string): Promise<OpportunityProductList> {
    await visibleRecord(this.records, principal, opportunityType, 'read', opportunityId);
    return productListOf(await this.opportunityProducts.ofOpportunity(opportunityId));
  }

  async changeOpportunityProduct(principal: Principal, opportunityId: string, lineId: string, body: unknown): Promise<OpportunityProductView> {
    const input = new BodyReader(body, ['quantity', 'unitPrice'], 1);
    const quantity = input.decimal('quantity', 0, { exclusiveMinimum: true });
    const unitPrice = input.decimal('unitPrice', 0);
    input.done();
    return this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, opportunityType, 'write', opportunityId, tx, true);
      const before = isUuid(lineId) ? await this.opportunityProducts.find(opportunityId, lineId, tx) : undefined;
      if (!before) throw new NotFound(`the opportunity has no product line ${lineId}`);
      const row = (await this.opportunityProducts.update(opportunityId, lineId, { quantity: quantity ?? undefined, unit_price: unitPrice ?? undefined }, tx))!;
      const line = toOpportunityProductView(row);
      await this.record(principal, opportunityType, opportunityId, { field: 'products', old: lineOf(toOpportunityProductView(before)), new: lineOf(line) }, tx);
      return line;
    });
  }

  async removeOpportunityProduct(principal: Principal, opportunityId: string, lineId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, opportunityType, 'write', opportunityId, tx, true);
      const removed = isUuid(lineId) ? await this.opportunityProducts.delete(opportunityId, lineId, tx) : undefined;
      if (!removed) throw new NotFound(`the opportunity has no product line ${lineId}`);
      await this.record(principal, opportunityType, opportunityId, { field: 'products', old: lineOf(toOpportunityProductView(removed)), new: null }, tx);
    });
  }

  // --- shared

  /** Each referenced record must be one the caller sees; a problem names its field. */
  private async checkReferences(
    principal: Principal,
    input: BodyReader,
    references: { field: string; type: RecordTypeDefinition; id: string }[],
    tx: Queryable,
  ): Promise<void> {
    for (const { field, type, id } of references) {
      if (!(await this.records.isVisible(type, principal, id, tx))) input.refuse(field, `names no ${type.name} you can see`);
    }
  }

  private async checkRole(input: BodyReader, field: string, role: string, tx: Queryable): Promise<void> {
    const value = await this.catalogs.find(ROLES, role, tx);
    if (!value) input.refuse(field, `must be a value of the catalog ${ROLES}`);
    else if (value.retired) input.refuse(field, `${role} is retired in the catalog ${ROLES}`);
  }

  private async record(principal: Principal, type: RecordTypeDefinition, id: string, change: FieldChange, tx: Queryable): Promise<void> {
    await this.history.append(type.name, id, userOrigin(principal), [change], tx);
  }
}

/** What the history keeps of a product line. */
function lineOf(line: OpportunityProductView): Record<string, unknown> {
  return { id: line.id, productId: line.productId, productCode: line.productCode, quantity: line.quantity, unitPrice: line.unitPrice, currency: line.currency };
}
