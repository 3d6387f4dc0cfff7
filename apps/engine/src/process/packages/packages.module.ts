import { Module } from '@nestjs/common';
import { DeploymentsModule } from '../deployments/deployments.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { PackageActivation } from './package-activation.js';
import { PackageParametersService } from './package-parameters.service.js';
import { PackageStoreModule } from './package-store.module.js';
import { PackagesController } from './packages.controller.js';
import { PackagesService } from './packages.service.js';
import { RecordTypeProcesses } from './record-type-processes.js';

/** Process packages: deployed as a zip with their resources, versioned, rolled back; their parameters changed and audited. */
@Module({
  imports: [PackageStoreModule, DeploymentsModule, ProcessInstancesModule],
  controllers: [PackagesController],
  providers: [RecordTypeProcesses, PackageActivation, PackagesService, PackageParametersService],
  // For the ProcessEngine facade: RecordTypeProcesses (the CRM provides its port), PackagesService (start-up code deploys packages).
  exports: [RecordTypeProcesses, PackagesService],
})
export class PackagesModule {}
