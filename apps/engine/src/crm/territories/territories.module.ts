import { Module } from '@nestjs/common';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { RecordTerritories } from './record-territories.js';

/** The territory rule sets place organizations, contacts and leads on create and when a field they read changes (docs/crm.md). */
@Module({
  imports: [ProcessModule, RecordsModule],
  providers: [RecordTerritories],
})
export class CrmTerritoriesModule {}
