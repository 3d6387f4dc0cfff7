import { Module } from '@nestjs/common';
import { InstanceParameters } from './instance-parameters.js';
import { PackageDefinitionsRepository } from './package-definitions.repository.js';
import { PackageVersionsRepository } from './package-versions.repository.js';
import { PackagesRepository } from './packages.repository.js';
import { ParameterVersionsRepository } from './parameter-versions.repository.js';

/**
 * The package tables and the parameters instances see: imported by execution (a command's
 * `params`) and by the packages API. Apart from PackagesModule so that execution needs nothing
 * of deployments.
 */
@Module({
  providers: [
    PackagesRepository,
    PackageVersionsRepository,
    ParameterVersionsRepository,
    PackageDefinitionsRepository,
    {
      provide: InstanceParameters,
      useFactory: (packages: PackagesRepository, versions: ParameterVersionsRepository, definitions: PackageDefinitionsRepository) =>
        new InstanceParameters(packages, versions, definitions),
      inject: [PackagesRepository, ParameterVersionsRepository, PackageDefinitionsRepository],
    },
  ],
  exports: [PackagesRepository, PackageVersionsRepository, ParameterVersionsRepository, PackageDefinitionsRepository, InstanceParameters],
})
export class PackageStoreModule {}
