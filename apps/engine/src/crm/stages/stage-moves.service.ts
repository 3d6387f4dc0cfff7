// `POST /opportunities/{id}/stage {stage, reason?}`: a seller asks for a deal's stage to move. The
// CRM checks the caller sees the deal (404) and may write it (403) and the body (400); the process
// decides (ProcessEngine.requestStageMove): a move its current stage does not accept, or that the
// stage's exit criteria refuse, is a 409 listing every reason and changes nothing; an accepted one
// completes the stage's task as the caller, and the stage subscriber (record-process-link.ts) writes
// the new stage and its history — who asked, the process, the reason — in that command's transaction.
import { Injectable } from '@nestjs/common';
import { opportunityType } from '@stageflow/api-contract';
import { Forbidden, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid } from '../../platform/http/input.js';
import { ProcessEngine, type StageMoveOutcome, type StageMoveRequest } from '../../process/index.js';
import { recordBusinessKey } from '../record-processes/record-process-starts.js';
import { toRecordView, type RecordView } from '../records/record-columns.js';
import { mayWriteRecords } from '../records/record-visibility.js';
import { RecordsRepository } from '../records/records.repository.js';

export const MAX_STAGE_LENGTH = 100;
export const MAX_REASON_LENGTH = 2000;

/** The answer of an accepted move: what the process did and the deal as it is now. */
export interface StageMoveAnswer extends StageMoveOutcome {
  opportunity: RecordView;
}

/** The body, or a 400 naming the field. */
export function parseStageMove(body: unknown): StageMoveRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw Invalid.field('body', 'must be a JSON object {stage, reason?}');
  for (const key of Object.keys(body)) if (key !== 'stage' && key !== 'reason') throw Invalid.field(key, 'is not allowed (stage, reason)');
  const { stage, reason } = body as { stage?: unknown; reason?: unknown };
  if (typeof stage !== 'string' || stage.trim() === '') throw Invalid.field('stage', 'is required: the name of the stage to move to');
  if (stage.length > MAX_STAGE_LENGTH) throw Invalid.field('stage', `must be at most ${MAX_STAGE_LENGTH} characters`);
  if (reason !== undefined && reason !== null && typeof reason !== 'string') throw Invalid.field('reason', 'must be a text or null');
  if (typeof reason === 'string' && reason.length > MAX_REASON_LENGTH) throw Invalid.field('reason', `must be at most ${MAX_REASON_LENGTH} characters`);
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  return { stage: stage.trim(), reason: trimmed === '' ? null : trimmed };
}

@Injectable()
export class StageMovesService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly engine: ProcessEngine,
  ) {}

  async move(principal: Principal, id: string, body: unknown): Promise<StageMoveAnswer> {
    if (!isUuid(id) || !(await this.records.findVisible(opportunityType, principal, 'read', id))) throw new NotFound(`opportunity ${id} not found`);
    if (!mayWriteRecords(principal) || !(await this.records.findVisible(opportunityType, principal, 'write', id))) {
      throw new Forbidden(`you may not change opportunity ${id}`);
    }
    const move = parseStageMove(body);
    const outcome = await this.engine.requestStageMove(recordBusinessKey('opportunity', id), move, { userId: principal.userId, username: principal.username });
    const row = await this.records.findById(opportunityType, id);
    if (!row) throw new NotFound(`opportunity ${id} not found`);
    return { ...outcome, opportunity: toRecordView(opportunityType, row) };
  }
}
