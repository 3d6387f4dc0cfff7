import { Module } from '@nestjs/common';
import { AgendaModule } from './agenda/agenda.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { BoardModule } from './board/board.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { CatalogsModule } from './catalogs/catalogs.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { CustomFieldsModule } from './custom-fields/custom-fields.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { ProductsModule } from './products/products.module.js';
import { RecordActionsModule } from './record-actions/record-actions.module.js';
import { RecordProcessesModule } from './record-processes/record-processes.module.js';
import { RecordsModule } from './records/records.module.js';
import { RelationsModule } from './relations/relations.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { IdentityModule } from '../platform/identity/identity.module.js';
import { SearchController } from './search/search.controller.js';
import { StagesModule } from './stages/stages.module.js';
import { TimelineModule } from './timeline/timeline.module.js';
import { CrmTerritoriesModule } from './territories/territories.module.js';

/**
 * The CRM: the records sellers work on (organizations, contacts, leads, opportunities, activities),
 * their catalogs and the global search. It reaches the process engine only through process/index.ts.
 */
@Module({
  imports: [
    IdentityModule,
    CatalogsModule,
    RecordsModule,
    CustomFieldsModule,
    PersonalDataModule,
    AttachmentsModule,
    CommentsModule,
    ProductsModule,
    CampaignsModule,
    RelationsModule,
    RecordProcessesModule,
    StagesModule,
    BoardModule,
    RecordActionsModule,
    AgendaModule,
    RemindersModule,
    CrmTerritoriesModule,
    TimelineModule,
  ],
  controllers: [SearchController],
})
export class CrmModule {}
