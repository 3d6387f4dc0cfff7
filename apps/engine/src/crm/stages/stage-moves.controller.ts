import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { MAX_REASON_LENGTH, MAX_STAGE_LENGTH, StageMovesService, type StageMoveAnswer } from './stage-moves.service.js';

const stageMoveBody = {
  type: 'object',
  properties: {
    stage: { type: 'string', minLength: 1, maxLength: MAX_STAGE_LENGTH, description: 'The stage to move to (a stage the diagram names).' },
    reason: { type: ['string', 'null'], maxLength: MAX_REASON_LENGTH, description: 'Why: kept as stageMoveReason and in the history.' },
  },
  required: ['stage'],
  additionalProperties: false,
};
const refusal = {
  description: 'Refused, nothing changed: the message says why and `details` lists every reason (see docs/crm.md).',
};

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
  @ApiBody({ schema: stageMoveBody })
  @ApiResponse({ status: 200, description: 'Moved: {from, to, processInstanceId, taskId, elementId, activeElementIds, opportunity}' })
  @ApiResponse({ status: 409, ...refusal })
  move(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<StageMoveAnswer> {
    return this.moves.move(principal, id, body);
  }
}
