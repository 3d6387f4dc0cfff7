import { Module } from '@nestjs/common';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { RecordTerritories } from './record-territories.js';
import { TerritoryReplacement } from './territory-replacement.js';

/** The territory rule sets place organizations, contacts and leads on create, when a field they read changes, and all again when a territory rule set changes (docs/crm.md). */
@Module({
  imports: [ProcessModule, RecordsModule, JobsModule],
  providers: [RecordTerritories, TerritoryReplacement],
})
export class CrmTerritoriesModule {}
