// GET /board and GET /board/cards: the pipeline board (board.service.ts, docs/crm.md "The pipeline board").
// A card moves through its process: POST /opportunities/{id}/stage (crm/stages).
import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { BoardCardPageView, BoardView } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { DEFAULT_CARDS, MAX_CARDS } from './board-query.js';
import { BoardService } from './board.service.js';

const FILTER_QUERIES = [
  { name: 'ownerId', description: "A seller's deals (`null`: those waiting in a team's queue)." },
  { name: 'teamId', description: "A team's deals: in its queue or owned by its members." },
  { name: 'territory', description: 'Deals whose organization is in the territory (its key).' },
  { name: 'productId', description: 'Deals with a line of the product.' },
  { name: 'limit', description: `Cards per column, 1-${MAX_CARDS} (default ${DEFAULT_CARDS}).` },
];

/** The filters and the page size, documented on both routes. */
const BoardFilterQueries = (): MethodDecorator => applyDecorators(...FILTER_QUERIES.map((query) => ApiQuery({ ...query, required: false })));

@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('board')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  /** The stages of the opportunity process as columns, each with its totals and first cards, as the caller sees the deals. */
  @Get()
  @BoardFilterQueries()
  @ApiResult(200, 'Board', [400, 401])
  get(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<BoardView> {
    return this.board.of(principal, query);
  }

  /** One column's next cards: `?stage=Offer&cursor=<the column's nextCursor>`, with the same filters. */
  @Get('cards')
  @ApiQuery({ name: 'stage', required: true, description: 'The column.' })
  @ApiQuery({ name: 'cursor', required: false, description: "The column's nextCursor (or the page's)." })
  @BoardFilterQueries()
  @ApiResult(200, 'BoardCardPage', [400, 401])
  cards(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<BoardCardPageView> {
    return this.board.cards(principal, query);
  }
}
