import { Module } from '@nestjs/common';
import { CatalogsModule } from '../catalogs/catalogs.module.js';
import { ProductsModule } from '../products/products.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ContactRolesRepository } from './contact-roles.repository.js';
import { OpportunityContactsRepository } from './opportunity-contacts.repository.js';
import { OpportunityProductsRepository } from './opportunity-products.repository.js';
import { ContactRolesController, OpportunityRelationsController, OrganizationContactsController } from './relations.controller.js';
import { RelationsService } from './relations.service.js';

/** How records relate (`crm_contact_roles`, `crm_opportunity_contacts`, `crm_opportunity_products`). */
@Module({
  imports: [RecordsModule, CatalogsModule, ProductsModule],
  controllers: [ContactRolesController, OrganizationContactsController, OpportunityRelationsController],
  providers: [ContactRolesRepository, OpportunityContactsRepository, OpportunityProductsRepository, RelationsService],
  exports: [ContactRolesRepository, OpportunityContactsRepository, OpportunityProductsRepository],
})
export class RelationsModule {}
