import { Module } from '@nestjs/common';
import { ProcessModule } from '../../process/index.js';
import { RecordsModule } from '../records/records.module.js';
import { StageMovesController } from './stage-moves.controller.js';
import { StageMovesService } from './stage-moves.service.js';

/** A deal's stage moves only through its process: POST /opportunities/{id}/stage. */
@Module({
  imports: [ProcessModule, RecordsModule],
  controllers: [StageMovesController],
  providers: [StageMovesService],
})
export class StagesModule {}
