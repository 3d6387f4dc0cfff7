import { Module } from '@nestjs/common';
import { TerritoriesController } from './territories.controller.js';
import { TerritoriesService } from './territories.service.js';

/** Sales territories with their owner and team, which assignment reads (the `territories` table). */
@Module({ controllers: [TerritoriesController], providers: [TerritoriesService] })
export class TerritoriesModule {}
