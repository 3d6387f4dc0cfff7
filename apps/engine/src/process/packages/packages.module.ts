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
  // RecordTypeProcesses for the ProcessEngine facade, through which the CRM provides its port.
  exports: [RecordTypeProcesses],
})
export class PackagesModule {}
