import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';

/** GET /health: liveness and database reachability, for load balancers (no token). */
@Module({
  controllers: [HealthController],
})
export class HealthModule {}
