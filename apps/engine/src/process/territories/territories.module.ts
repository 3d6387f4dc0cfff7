import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { TerritoriesController } from './territories.controller.js';
import { TerritoriesRepository } from './territories.repository.js';
import { TerritoriesService } from './territories.service.js';
import { TerritoryPlacements } from './territory-placements.js';

/** Sales territories with their owner and team, which assignment reads (the `territories` table). */
@Module({
  imports: [RuleSetsModule, IdentityModule],
  controllers: [TerritoriesController],
  providers: [TerritoriesRepository, TerritoriesService, TerritoryPlacements],
  exports: [TerritoriesRepository, TerritoryPlacements],
})
export class TerritoriesModule {}
