// A package's `recordTypes` (its manifest's "a new lead starts lead-generation") applied as the
// CRM's own setting, in the package deploy's transaction: the engine calls this port
// (ProcessEngine.provideRecordTypeProcesses) and never the CRM's tables.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProcessEngine, type Queryable } from '../../process/index.js';
import { RecordProcessesRepository } from './record-processes.repository.js';

@Injectable()
export class PackageRecordTypes implements OnModuleInit {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly settings: RecordProcessesRepository,
  ) {}

  onModuleInit(): void {
    this.engine.provideRecordTypeProcesses({ apply: (processes, by, tx) => this.apply(processes, by, tx) });
  }

  private async apply(processes: Readonly<Record<string, string>>, by: string, tx: Queryable): Promise<void> {
    // The package's validation allows only record types that start processes (lead, opportunity, organization).
    for (const [type, processKey] of Object.entries(processes)) await this.settings.set(type, processKey, by, tx);
  }
}
