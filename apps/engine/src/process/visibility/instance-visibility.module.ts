import { Module } from '@nestjs/common';
import { InstanceVisibility } from './instance-visibility.js';

/** Who sees which instances: the SQL condition the instance, history and incident reads carry, and the CRM's port. */
@Module({
  providers: [InstanceVisibility],
  exports: [InstanceVisibility],
})
export class InstanceVisibilityModule {}
