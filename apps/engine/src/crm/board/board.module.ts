import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { ProcessModule } from '../../process/index.js';
import { RecordProcessesModule } from '../record-processes/record-processes.module.js';
import { BoardController } from './board.controller.js';
import { BoardRepository } from './board.repository.js';
import { BoardService } from './board.service.js';

/** The pipeline board: GET /board, GET /board/cards (docs/crm.md). */
@Module({
  imports: [IdentityModule, ProcessModule, RecordProcessesModule],
  controllers: [BoardController],
  providers: [BoardRepository, BoardService],
})
export class BoardModule {}
