// The public, serializable shape of a compiled BPMN definition and of deployment problems.
// A ProcessGraph is plain JSON: the engine stores it beside the XML and ships it to worker
// threads, so nothing here may hold functions, classes or moddle objects.

/** One reason a diagram is refused at deploy time. */
export interface DefinitionProblem {
  /** The BPMN element the problem is about, when there is one. */
  elementId?: string;
  message: string;
}

export type CompileResult =
  | { ok: true; processes: ProcessGraph[] }
  | { ok: false; problems: DefinitionProblem[] };

/** An executable process: immutable, compiled once per definition version. */
export interface ProcessGraph {
  /** The BPMN process id; it is the definition key. */
  id: string;
  name?: string;
  /** Opaque to callers: nodes, flows and scopes in the interpreter's own format. */
  [internal: string]: unknown;
}
