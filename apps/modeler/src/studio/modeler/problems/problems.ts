// One list of what is wrong with the diagram, from three sources: bpmnlint as the analyst draws,
// the engine's deploy errors (422, the deployment refused) and its deploy warnings (201, deployed,
// e.g. a foreign diagram's shape pointing at a missing element). Each names the element it is about
// when there is one, so the list can select it and the canvas can mark it.

export type ProblemSource = 'lint' | 'deploy' | 'warning';
export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  source: ProblemSource;
  severity: ProblemSeverity;
  elementId?: string;
  message: string;
  /** The bpmnlint rule, for lint problems. */
  rule?: string;
}

/** A bpmnlint report as bpmn-js-bpmnlint fires it (`linting.completed`): issues by element id. */
export type LintIssues = Record<string, readonly { message: string; category: string; rule?: string; id?: string }[]>;

/** A problem the engine names (a 422's details, a 201's warnings). */
export interface EngineProblem {
  resource?: string;
  elementId?: string;
  message: string;
}

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };
const SOURCE_ORDER: Record<ProblemSource, number> = { deploy: 0, lint: 1, warning: 2 };

function severityOfLint(category: string): ProblemSeverity {
  if (category === 'error') return 'error';
  if (category === 'warn') return 'warning';
  return 'info';
}

export function lintProblems(issues: LintIssues): Problem[] {
  return Object.values(issues).flatMap((list) =>
    list.map((issue) => ({
      source: 'lint' as const,
      severity: severityOfLint(issue.category),
      // bpmnlint reports issues about the whole diagram under the definitions' id.
      ...(issue.id ? { elementId: issue.id } : {}),
      message: issue.message,
      ...(issue.rule ? { rule: issue.rule } : {}),
    })),
  );
}

export function engineProblems(problems: readonly EngineProblem[], source: 'deploy' | 'warning'): Problem[] {
  return problems.map((problem) => ({
    source,
    severity: source === 'deploy' ? ('error' as const) : ('warning' as const),
    ...(problem.elementId ? { elementId: problem.elementId } : {}),
    message: problem.message,
  }));
}

/** Errors first, then warnings and infos; within a severity the engine's before lint's, then by element. */
export function sortedProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
      (a.elementId ?? '').localeCompare(b.elementId ?? ''),
  );
}

/** The elements the engine's deploy errors name, each with its messages (for the markers on the canvas). */
export function deployErrorsByElement(problems: readonly Problem[]): Map<string, string[]> {
  const byElement = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.source !== 'deploy' || problem.elementId === undefined) continue;
    byElement.set(problem.elementId, [...(byElement.get(problem.elementId) ?? []), problem.message]);
  }
  return byElement;
}
