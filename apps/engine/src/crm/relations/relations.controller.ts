// The routes of the relations between records: a contact's roles at organizations (and an
// organization's contacts), an opportunity's contacts and products.
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { contactType, opportunityType, organizationType } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { recordIdOf } from '../records/record-scope.js';
import type { ContactRoleView, OrganizationContactView } from './contact-roles.row.js';
import type { OpportunityContactView } from './opportunity-contacts.row.js';
import type { OpportunityProductView } from './opportunity-products.row.js';
import { RelationsService, type OpportunityProductList } from './relations.service.js';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller(contactType.path)
export class ContactRolesController {
  constructor(private readonly relations: RelationsService) {}

  /** Gives the contact a role (roles catalog) at an organization the caller sees; 409 if they hold it there already. */
  @Post(':id/roles')
  @HttpCode(201)
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { organizationId: { type: 'string', format: 'uuid' }, role: { type: 'string', description: 'A key of the roles catalog.' } },
      required: ['organizationId', 'role'],
    },
  })
  add(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<ContactRoleView> {
    return this.relations.addContactRole(principal, recordIdOf(contactType, id), body);
  }

  /** The contact's roles at the organizations the caller sees. */
  @Get(':id/roles')
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: ContactRoleView[] }> {
    return this.relations.contactRolesOf(principal, recordIdOf(contactType, id));
  }

  @Delete(':id/roles/:roleId')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('roleId') roleId: string): Promise<void> {
    return this.relations.removeContactRole(principal, recordIdOf(contactType, id), roleId);
  }
}

@ApiTags('organizations')
@ApiBearerAuth()
@Controller(organizationType.path)
export class OrganizationContactsController {
  constructor(private readonly relations: RelationsService) {}

  /** The contacts the caller sees with a role at the organization (a person with two roles is listed twice). */
  @Get(':id/contacts')
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: OrganizationContactView[] }> {
    return this.relations.contactsOfOrganization(principal, recordIdOf(organizationType, id));
  }
}

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller(opportunityType.path)
export class OpportunityRelationsController {
  constructor(private readonly relations: RelationsService) {}

  /** Puts a contact the caller sees on the deal, with an optional role (roles catalog); again: sets the role. */
  @Post(':id/contacts')
  @HttpCode(200)
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { contactId: { type: 'string', format: 'uuid' }, role: { type: 'string', nullable: true } },
      required: ['contactId'],
    },
  })
  addContact(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<OpportunityContactView> {
    return this.relations.addOpportunityContact(principal, recordIdOf(opportunityType, id), body);
  }

  @Get(':id/contacts')
  contacts(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: OpportunityContactView[] }> {
    return this.relations.opportunityContactsOf(principal, recordIdOf(opportunityType, id));
  }

  @Delete(':id/contacts/:contactId')
  @HttpCode(204)
  removeContact(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('contactId') contactId: string): Promise<void> {
    return this.relations.removeOpportunityContact(principal, recordIdOf(opportunityType, id), contactId);
  }

  /** Adds a product line: an active product, a quantity, and the unit price (the catalog's unless given, with its currency). */
  @Post(':id/products')
  @HttpCode(201)
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        productId: { type: 'string', format: 'uuid' },
        quantity: { type: 'number', exclusiveMinimum: true, minimum: 0 },
        unitPrice: { type: 'number', minimum: 0 },
        currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'With unitPrice only.' },
      },
      required: ['productId', 'quantity'],
    },
  })
  addProduct(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<OpportunityProductView> {
    return this.relations.addOpportunityProduct(principal, recordIdOf(opportunityType, id), body);
  }

  /** The deal's product lines, oldest first, with the total per currency. */
  @Get(':id/products')
  products(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<OpportunityProductList> {
    return this.relations.opportunityProductsOf(principal, recordIdOf(opportunityType, id));
  }

  @Patch(':id/products/:lineId')
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { quantity: { type: 'number', exclusiveMinimum: true, minimum: 0 }, unitPrice: { type: 'number', minimum: 0 } },
    },
  })
  changeProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('lineId') lineId: string,
    @Body() body: unknown,
  ): Promise<OpportunityProductView> {
    return this.relations.changeOpportunityProduct(principal, recordIdOf(opportunityType, id), lineId, body);
  }

  @Delete(':id/products/:lineId')
  @HttpCode(204)
  removeProduct(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('lineId') lineId: string): Promise<void> {
    return this.relations.removeOpportunityProduct(principal, recordIdOf(opportunityType, id), lineId);
  }
}
