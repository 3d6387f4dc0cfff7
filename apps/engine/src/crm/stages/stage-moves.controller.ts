import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { StageMovesService, type StageMoveAnswer } from './stage-moves.service.js';

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
export class StageMovesController {
  constructor(private readonly moves: StageMovesService) {}

  /**
   * Asks the deal's process to move it to `stage` (`{"stage": "Lost", "reason": "no budget"}`): 200 with
   * the move and the deal; 409 with every reason when the process, where it stands, does not accept
   * the move or the stage's exit criteria refuse it (nothing changed); 404 for a deal the caller does
   * not see, 403 when they may not change it, 400 naming the field of a bad body.
   */
  @Post(':id/stage')
  @HttpCode(200)
  move(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<StageMoveAnswer> {
    return this.moves.move(principal, id, body);
  }
}
