// The default probability of a deal's stage: a package tunes it per stage in its parameter
// `stageProbabilities` (the standard opportunity package: Identification 10 … Won 100, Lost 0), and a
// deal entering a stage takes it unless a person gave the deal a probability of its own. The value is
// written to the deal, so the card, the record page, the board's weighted totals and every report read
// the one probability that counts.
import type { ChangeSource } from '../records/record-history.row.js';

/** The parameter's per-stage defaults; undefined when the package has none (the probability is then the seller's alone). */
export function stageProbabilityDefaults(params: Readonly<Record<string, unknown>>): Readonly<Record<string, number>> | undefined {
  const value = params.stageProbabilities;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const defaults = Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 0 && entry[1] <= 100);
  return Object.fromEntries(defaults);
}

export interface EnteredStage {
  stage: string;
  /** The deal's probability before the move. */
  current: number | null;
  /** Who last wrote it: a person (`user`, `import`, …) makes it the deal's own; `process` is a stage's default. */
  lastWrittenBy: ChangeSource | undefined;
  defaults: Readonly<Record<string, number>> | undefined;
}

/** The probability the deal takes on entering the stage, or undefined to leave it as it is. */
export function enteredStageProbability({ stage, current, lastWrittenBy, defaults }: EnteredStage): number | undefined {
  const fallback = defaults?.[stage];
  if (fallback === undefined) return undefined;
  const ownProbability = current !== null && lastWrittenBy !== 'process';
  if (ownProbability || current === fallback) return undefined;
  return fallback;
}
