// ISO 8601 durations of fixed length, as the API takes them for a message's time to live
// (`PT1H`, `P3D`, `P1DT12H`, `PT90S`, `P2W`). Years and months are refused: their length
// depends on the calendar, and a time to live must mean the same span on every node.

/** The longest time to live a message may be kept for. */
export const maxMessageTtlSeconds = 366 * 24 * 3600;

const DURATION = /^P(?:(\d{1,6})W|(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,10}(?:[.,]\d{1,3})?)S)?)?)$/;

export type DurationParse = { ok: true; seconds: number } | { ok: false; message: string };

/** Parses `text` as a fixed-length ISO 8601 duration in seconds (fractions of a second allowed). */
export function parseIsoDuration(text: string): DurationParse {
  const match = DURATION.exec(text);
  // `P` alone and `P1DT` (a T without a time part) match the pattern but name no amount.
  if (!match || text === 'P' || text.endsWith('T')) {
    return { ok: false, message: 'must be an ISO 8601 duration such as PT1H, P3D or P1DT12H (weeks, days, hours, minutes, seconds)' };
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  const total =
    Number(weeks ?? 0) * 7 * 86400 +
    Number(days ?? 0) * 86400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number((seconds ?? '0').replace(',', '.'));
  return { ok: true, seconds: total };
}
