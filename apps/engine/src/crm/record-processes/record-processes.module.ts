import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { RelationsModule } from '../relations/relations.module.js';
import { RecordInstanceVisibility } from './record-instance-visibility.js';
import { RecordProcessLink } from './record-process-link.js';
import { PROCESS_DRIVEN, RecordProcessStarts } from './record-process-starts.js';
import { RecordProcessesController, recordProcessController } from './record-processes.controller.js';
import { RecordProcessesRepository } from './record-processes.repository.js';
import { RecordProcessesService } from './record-processes.service.js';
import { TaskRecordTitles } from './task-record-titles.js';
import { PackageRecordTypes } from './package-record-types.js';

/** Records and their processes: the process a new record starts, `record.*` for the interpreter, the stage a process sets. */
@Module({
  imports: [IdentityModule, JobsModule, ProcessModule, RecordsModule, RelationsModule],
  controllers: [RecordProcessesController, ...PROCESS_DRIVEN.map(recordProcessController)],
  providers: [
    RecordProcessesRepository,
    RecordProcessStarts,
    RecordProcessLink,
    RecordProcessesService,
    RecordInstanceVisibility,
    TaskRecordTitles,
    PackageRecordTypes,
  ],
  exports: [RecordProcessStarts, RecordProcessesRepository],
})
export class RecordProcessesModule {}
