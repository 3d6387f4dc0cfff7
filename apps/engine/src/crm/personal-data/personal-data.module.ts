import { Module } from '@nestjs/common';
import { OutboundModule } from '../../platform/outbound/outbound.module.js';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';
import { SuppressionsModule } from './suppressions.module.js';

/** A person's data: export and erasure of a contact everywhere it was copied (records, history, outbox, processes). */
@Module({
  imports: [RecordsModule, SuppressionsModule, OutboundModule, ProcessModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService],
})
export class PersonalDataModule {}
