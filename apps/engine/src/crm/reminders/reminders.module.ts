import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { NotificationsModule } from '../../platform/notifications/notifications.module.js';
import { RecordsModule } from '../records/records.module.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

/** Meeting and next-contact reminders: jobs written with the record, notifications when they come due (docs/crm.md). */
@Module({
  imports: [JobsModule, IdentityModule, NotificationsModule, RecordsModule],
  providers: [RemindersRepository, RemindersService],
})
export class RemindersModule {}
