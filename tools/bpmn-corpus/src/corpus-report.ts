// What compileBpmn — the check every deployment runs on a diagram — says about a corpus of
// .bpmn files: how many it deploys, and the reasons it refuses or warns, most frequent first.
import type { CompileResult, DefinitionProblem } from '@stageflow/bpmn-runtime';
import { reasonOf } from './reason-of.js';

/** One reason: the files that have it at least once, and how often it occurs in all. */
export interface ReasonCount {
  reason: string;
  files: number;
  occurrences: number;
}

export interface CorpusReport {
  files: number;
  deployed: number;
  refused: number;
  /** Deployed files that come with at least one warning. */
  deployedWithWarnings: number;
  /** The reasons of refused files' problems. */
  refusals: ReasonCount[];
  /** The reasons of every file's warnings, refused or not. */
  warnings: ReasonCount[];
}

export interface CompiledFile {
  path: string;
  result: CompileResult;
}

export function corpusReport(compiled: readonly CompiledFile[]): CorpusReport {
  const refusals = new ReasonCounter();
  const warnings = new ReasonCounter();
  let deployed = 0;
  let deployedWithWarnings = 0;
  for (const { result } of compiled) {
    if (result.ok) {
      deployed++;
      if (result.warnings.length > 0) deployedWithWarnings++;
    } else {
      refusals.addFile(result.problems);
    }
    warnings.addFile(result.warnings);
  }
  return {
    files: compiled.length,
    deployed,
    refused: compiled.length - deployed,
    deployedWithWarnings,
    refusals: refusals.sorted(),
    warnings: warnings.sorted(),
  };
}

class ReasonCounter {
  private readonly counts = new Map<string, ReasonCount>();

  addFile(problems: readonly DefinitionProblem[]): void {
    const inThisFile = new Set<string>();
    for (const problem of problems) {
      const reason = reasonOf(problem.message);
      const count = this.counts.get(reason) ?? { reason, files: 0, occurrences: 0 };
      count.occurrences++;
      if (!inThisFile.has(reason)) count.files++;
      inThisFile.add(reason);
      this.counts.set(reason, count);
    }
  }

  /** Most files first, then most occurrences, then by reason (a stable order to compare runs). */
  sorted(): ReasonCount[] {
    return [...this.counts.values()].sort((a, b) => b.files - a.files || b.occurrences - a.occurrences || a.reason.localeCompare(b.reason));
  }
}
