// The public, serializable shape of a compiled BPMN definition and of deployment problems.
// A ProcessGraph is plain JSON: the engine stores it beside the XML and ships it to worker
// threads, so nothing here may hold functions, classes or moddle objects.

/** One reason a diagram is refused at deploy time, or (in `warnings`) one thing deployed past. */
export interface DefinitionProblem {
  /** The BPMN element the problem is about, when there is one. */
  elementId?: string;
  message: string;
}

/**
 * `warnings`: what the compiler read past without changing what runs (a diagram shape pointing at
 * a missing element, another tool's extension, an unreachable element...), in the shape of problems.
 */
export type CompileResult =
  { ok: true; processes: ProcessGraph[]; warnings: DefinitionProblem[] } | { ok: false; problems: DefinitionProblem[]; warnings: DefinitionProblem[] };

/** An executable process: immutable, compiled once per definition version. */
export interface ProcessGraph {
  /** The BPMN process id; it is the definition key. */
  id: string;
  name?: string;
  /** Opaque to callers: nodes, flows and scopes in the interpreter's own format. */
  [internal: string]: unknown;
}

/**
 * A timer as the diagram gives it: `bpmn:timeDate`, `bpmn:timeDuration` or `bpmn:timeCycle`,
 * each ISO 8601 (`2026-12-01T08:00:00Z`, `PT2H`, `R/PT72H`, `R5/2026-12-01T08:00:00Z/P1D`)
 * or FEEL (`= expr`, giving such a string or a FEEL date-time / duration).
 */
export interface TimerDefinition {
  kind: 'date' | 'duration' | 'cycle';
  expression: string;
}

/**
 * One way to start a process. The engine registers timer, message and signal starts when a
 * version is deployed (and drops the previous version's), and starts an instance with
 * `{ type: 'start', startEventId: elementId }` when one fires.
 */
export type StartTrigger =
  | { kind: 'none'; elementId: string }
  | { kind: 'timer'; elementId: string; timer: TimerDefinition }
  | { kind: 'message'; elementId: string; messageName: string }
  | { kind: 'signal'; elementId: string; signalName: string };

/** The next due instant of a timer, or `done` when a cycle has no repetition left. */
export type TimerDue = { dueAt: string } | { done: true };
