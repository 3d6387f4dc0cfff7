import { Module } from '@nestjs/common';
import { ProcessModule } from '../../process/index.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaRepository } from './agenda.repository.js';
import { AgendaService } from './agenda.service.js';

/** The seller's day: GET /me/agenda (docs/crm.md). */
@Module({
  imports: [ProcessModule],
  controllers: [AgendaController],
  providers: [AgendaRepository, AgendaService],
})
export class AgendaModule {}
