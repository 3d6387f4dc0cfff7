// The pipeline board: the columns are the stages of the process new opportunities start — its
// package's `stages` parameter when it has one (the order the analyst chose), else the stages its
// diagram names — each with its totals and first cards as the caller sees them (board.repository.ts).
// A column named like an outcome (Won, Lost) is a closing column: the web app asks for the reason
// before a move there. Idle marks follow the package's `stageIdleDays`, as the process's reminders do.
import { Injectable } from '@nestjs/common';
import { opportunityType, type BoardCardPageView, type BoardCardView, type BoardColumnView, type BoardView } from '@stageflow/api-contract';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import type { JsonObject } from '../../platform/http/input.js';
import { ProcessEngine, type ProcessStages } from '../../process/index.js';
import { RecordProcessesRepository } from '../record-processes/record-processes.repository.js';
import { teamsOf } from '../records/record-visibility.js';
import { encodeBoardCursor, parseBoardCardsQuery, parseBoardQuery, type BoardFilters } from './board-query.js';
import { BoardRepository, type BoardCardRow, type BoardScope, type BoardTotalsRow } from './board.repository.js';

const OUTCOMES = (opportunityType.fields.find((field) => field.name === 'outcome')?.values ?? []) as ('won' | 'lost')[];

interface Columns {
  processKey: string | null;
  stages: { stage: string; accepts: string[] }[];
  idleDays: number | null;
}

@Injectable()
export class BoardService {
  constructor(
    private readonly board: BoardRepository,
    private readonly recordProcesses: RecordProcessesRepository,
    private readonly engine: ProcessEngine,
    private readonly users: UsersRepository,
  ) {}

  async of(principal: Principal, query: JsonObject): Promise<BoardView> {
    const { filters, limit } = parseBoardQuery(query);
    const columns = await this.columns();
    const scope = await this.scope(principal, filters);
    const stages = columns.stages.map((column) => column.stage);
    const [cards, totals, now] = [
      await this.board.cards(scope, stages, limit, columns.idleDays),
      await this.board.totals(scope, stages),
      await this.board.now(),
    ];
    return {
      processKey: columns.processKey,
      stageIdleDays: columns.idleDays,
      now: now.toISOString(),
      columns: columns.stages.map(({ stage, accepts }): BoardColumnView => {
        const page = pageOf(
          cards.filter((card) => card.stage === stage),
          limit,
        );
        return {
          stage,
          outcome: outcomeOf(stage),
          accepts,
          totals: totalsOf(totals.filter((row) => row.stage === stage)),
          cards: page.items,
          nextCursor: page.nextCursor,
        };
      }),
    };
  }

  /** One column's cards after `cursor` (any stage name: a stage no deal is in has none). */
  async cards(principal: Principal, query: JsonObject): Promise<BoardCardPageView> {
    const { filters, limit, stage, cursor } = parseBoardCardsQuery(query);
    const { idleDays } = await this.columns();
    const rows = await this.board.cards(await this.scope(principal, filters), [stage], limit, idleDays, cursor);
    return { stage, ...pageOf(rows, limit) };
  }

  private async scope(principal: Principal, filters: BoardFilters): Promise<BoardScope> {
    return { principal, teams: await teamsOf(this.users, principal), filters };
  }

  private async columns(): Promise<Columns> {
    const processKey = (await this.recordProcesses.of('opportunity'))?.process_key ?? null;
    const process = processKey === null ? undefined : await this.engine.stagesOf(processKey);
    if (!process) return { processKey, stages: [], idleDays: null };
    return { processKey, stages: stagesOf(process), idleDays: idleDaysOf(process.params.stageIdleDays) };
  }
}

/** The package's `stages` (each with what the diagram's elements of that stage accept), else the diagram's stages. */
function stagesOf(process: ProcessStages): { stage: string; accepts: string[] }[] {
  const listed = process.params.stages;
  if (!Array.isArray(listed) || !listed.every((stage): stage is string => typeof stage === 'string')) return process.stages;
  return [...new Set(listed)].map((stage) => ({ stage, accepts: process.stages.find((known) => known.stage === stage)?.accepts ?? [] }));
}

function idleDaysOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function outcomeOf(stage: string): 'won' | 'lost' | null {
  return OUTCOMES.find((outcome) => outcome === stage.toLowerCase()) ?? null;
}

function pageOf(rows: BoardCardRow[], limit: number): { items: BoardCardView[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(cardOf), nextCursor: rows.length > limit && last ? encodeBoardCursor({ after: last.sort_value, id: last.id }) : null };
}

function cardOf(row: BoardCardRow): BoardCardView {
  return {
    id: row.id,
    name: row.name,
    value: row.value,
    currency: row.currency,
    probability: row.probability,
    stage: row.stage,
    outcome: row.outcome,
    organization: row.organization_id !== null && row.organization_name !== null ? { id: row.organization_id, name: row.organization_name } : null,
    owner: row.owner_id !== null && row.owner_username !== null ? { id: row.owner_id, username: row.owner_username } : null,
    teamId: row.team_id,
    nextContactAt: row.next_contact_at?.toISOString() ?? null,
    expectedDecisionDate: row.expected_decision_date,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    daysInStage: row.days_in_stage,
    idle: row.idle,
    version: row.version,
  };
}

function totalsOf(rows: BoardTotalsRow[]): BoardColumnView['totals'] {
  return {
    count: rows.reduce((sum, row) => sum + row.count, 0),
    values: rows.filter((row) => row.valued > 0).map(({ currency, value, weighted }) => ({ currency, value, weighted })),
  };
}
