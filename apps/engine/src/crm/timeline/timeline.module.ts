import { Module } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { OutboundModule } from '../../platform/outbound/outbound.module.js';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { recordTimelineController } from './timeline-controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';

/**
 * A record's timeline (GET /<records>/{id}/timeline): a read model over other modules' tables —
 * history, activities, comments (crm/), the e-mail outbox (platform/outbound) and the tasks of its
 * process (through ProcessEngine). It writes no table.
 */
@Module({
  imports: [RecordsModule, OutboundModule, ProcessModule],
  controllers: Object.values(RECORD_TYPES).map(recordTimelineController),
  providers: [TimelineRepository, TimelineService],
})
export class TimelineModule {}
