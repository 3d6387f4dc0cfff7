// A refused move in words, each reason with the way to fix it: the engine's 409 for a stage move
// lists the exit criteria's refusals (`{reason, hint?, field?, task?}`) or, when the process does not
// accept the move where it stands, the stages it accepts (`{stage, accepts}`). docs/crm.md.
import { ApiError } from '../../app/api';

export type RefusalFix =
  /** Fill a field of the deal (`nextContactAt`, `value`, `lostReason`, `outcomeComment`, `custom.winReason`). */
  | { kind: 'field'; field: string }
  /** Finish a task of the deal's process (its element id, e.g. `prepareOffer`). */
  | { kind: 'task'; task: string }
  /** Move to one of these stages instead. */
  | { kind: 'stages'; stage: string; accepts: string[] }
  | { kind: 'none' };

export interface RefusalReason {
  reason: string;
  hint: string | null;
  fix: RefusalFix;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The reasons of a refused move; a refusal without details (no running process) is its message. */
export function refusalReasons(error: unknown): RefusalReason[] {
  if (!(error instanceof ApiError)) return [{ reason: error instanceof Error ? error.message : String(error), hint: null, fix: { kind: 'none' } }];
  const reasons = error.rawDetails.flatMap((detail): RefusalReason[] => {
    const reason = text(detail.reason);
    const hint = text(detail.hint);
    const field = text(detail.field);
    const task = text(detail.task);
    if (reason !== null) {
      return [{ reason, hint, fix: field !== null ? { kind: 'field', field } : task !== null ? { kind: 'task', task } : { kind: 'none' } }];
    }
    const stage = text(detail.stage);
    if (stage !== null && Array.isArray(detail.accepts)) {
      return [
        {
          reason: error.message,
          hint: null,
          fix: { kind: 'stages', stage, accepts: detail.accepts.filter((value): value is string => typeof value === 'string') },
        },
      ];
    }
    return [];
  });
  return reasons.length > 0 ? reasons : [{ reason: error.message, hint: null, fix: { kind: 'none' } }];
}

/** Whether the engine refused the move (409) rather than failing to make it. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
