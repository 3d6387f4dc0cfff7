// The compiled, immutable process graph: plain JSON (no functions, classes or moddle objects),
// so the engine can store it beside the XML, cache it and ship it between threads.
import type { ProcessGraph, TimerDefinition } from '../contract/definition.js';

export const GRAPH_FORMAT = 'stageflow.graph/1';

/** The behavior that executes a node; the registry in src/behaviors is keyed by it. */
export type NodeKind =
  | 'noneStartEvent'
  | 'noneEndEvent'
  | 'terminateEndEvent'
  | 'intermediateThrowEvent'
  | 'userTask'
  | 'manualTask'
  | 'businessRuleTask'
  /** bpmn:serviceTask, and bpmn:sendTask with stageflow:action: runs an action template. */
  | 'serviceTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'subProcess'
  | 'callActivity'
  | 'eventSubProcess'
  | 'eventSubProcessStart'
  // events (issue 3): src/events/ holds their shared machinery
  | 'eventStartEvent'
  | 'intermediateCatchEvent'
  | 'eventThrowEvent'
  | 'eventEndEvent'
  | 'errorEndEvent'
  | 'receiveTask'
  | 'sendTask'
  | 'boundaryEvent'
  | 'eventBasedGateway';

/**
 * The event definition of a timer/message/signal/error/escalation event, compiled: message
 * and signal names resolved, the message's correlation key copied from its bpmn:message.
 */
export type EventTrigger =
  | { kind: 'timer'; timer: TimerDefinition }
  | { kind: 'message'; name: string; correlationKey?: string }
  | { kind: 'signal'; name: string }
  /** `code` absent: a catch-all error boundary. */
  | { kind: 'error'; code?: string }
  /** `code` absent: a catch-all escalation boundary. */
  | { kind: 'escalation'; code?: string };

export interface VariableMapping {
  /** `= expr` or a literal. */
  source: string;
  target: string;
}

/** `bpmn:multiInstanceLoopCharacteristics` with the stageflow attributes, checked at deploy. */
export interface MultiInstanceSpec {
  sequential: boolean;
  /** FEEL giving the list, one inner instance per item (`stageflow:collection`). */
  collection: string;
  /** Local variable of each inner instance holding its item (`stageflow:elementVariable`). */
  elementVariable?: string;
  /** `bpmn:completionCondition`, FEEL (`= expr`). */
  completionCondition?: string;
  /** Variable of the enclosing scope that receives the list of `outputElement` values. */
  outputCollection?: string;
  /** FEEL evaluated when an inner instance completes (`stageflow:outputElement`). */
  outputElement?: string;
}

/** `bpmn:businessRuleTask stageflow:ruleSet="key" stageflow:resultVariable="name"`, checked at deploy. */
export interface BusinessRuleSpec {
  /** The key of the rule set (a literal: the engine checks at deploy that it exists). */
  ruleSet: string;
  /** Where the decision goes; defaults to the rule set's key. */
  resultVariable: string;
}

export interface UserTaskAttributes {
  assignee?: string;
  candidateGroups?: string;
  dueDate?: string;
  priority?: string;
  formKey?: string;
  /** `stageflow:assignment`: the key of the assignment rule set (a literal, checked at deploy). */
  assignment?: string;
  /**
   * `stageflow:completedByVariable`: the variable that receives the username of who completed the
   * task (the command's `completedBy`), as Flowable's `taskCompleterVariableName` — so a later step
   * can give the work to the person who did this one. A literal variable name.
   */
  completedByVariable?: string;
}

/**
 * The moves a stage accepts, on the user task the stage waits at: `stageflow:moves` (the stages a
 * record may be moved to from here) and `stageflow:exitCriteria` (the exitCriteria rule set that
 * must let the move pass; a literal key, checked at deploy).
 */
export interface StageMoves {
  moves: string[];
  exitCriteria?: string;
}

export interface GraphNode {
  id: string;
  /** The BPMN type, e.g. `bpmn:UserTask` (reported in effects). */
  type: string;
  kind: NodeKind;
  name?: string;
  /** Id of the enclosing scope: the process id or an embedded subprocess id. */
  scope: string;
  incoming: string[];
  outgoing: string[];
  defaultFlow?: string;
  /** `stageflow:stage`: the pipeline stage of this element. */
  stage?: string;
  /** User task of a stage: the moves it accepts and their exit criteria. */
  stageMoves?: StageMoves;
  inputs?: VariableMapping[];
  outputs?: VariableMapping[];
  userTask?: UserTaskAttributes;
  /** `stageflow:async="true"`: the token parks before the element (AsyncContinuationScheduled). */
  async?: true;
  /** Business-rule task: the rule set it evaluates and the variable that receives the result. */
  businessRule?: BusinessRuleSpec;
  /** Service task (or send task with stageflow:action): the key of the action template it runs. */
  action?: string;
  /** Call activity: the key of the process it starts (`calledElement`). */
  calledElement?: string;
  multiInstance?: MultiInstanceSpec;
  /** Inclusive joins: nodes of the same scope from which a token can still reach this join. */
  upstream?: string[];
  /** Timer, message, signal, error or escalation events (and receive/send tasks): what they catch or throw. */
  event?: EventTrigger;
  /** Activities: the boundary events attached to them, in document order. */
  boundaries?: string[];
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  attachedTo?: string;
  interrupting?: boolean;
}

export interface GraphFlow {
  id: string;
  name?: string;
  source: string;
  target: string;
  /** A FEEL condition (`= expr`), only on flows leaving exclusive/inclusive gateways. */
  condition?: string;
}

export interface GraphScope {
  /** The process id or the embedded subprocess id. */
  id: string;
  parent?: string;
  /** The none start event where the scope begins (an event subprocess: its event start event). */
  start: string;
  /** Event subprocesses of this scope, in document order: they listen while the scope is active. */
  eventSubProcesses?: string[];
  /** This scope is an event subprocess. */
  triggeredByEvent?: true;
}

/** `stageflow:candidateStarterGroups` / `candidateStarterUsers` of the process, as declared (absent: none declared). */
export interface CandidateStarters {
  /** Team or role names. */
  groups: string[];
  /** Usernames. */
  users: string[];
}

export interface CompiledProcess extends ProcessGraph {
  format: typeof GRAPH_FORMAT;
  id: string;
  name?: string;
  /** Set when the process declares who may start it from the API. */
  candidateStarters?: CandidateStarters;
  nodes: Record<string, GraphNode>;
  flows: Record<string, GraphFlow>;
  scopes: Record<string, GraphScope>;
}

export function isCompiledProcess(graph: ProcessGraph): graph is CompiledProcess {
  return (
    graph.format === GRAPH_FORMAT &&
    typeof graph.nodes === 'object' &&
    graph.nodes !== null &&
    typeof graph.flows === 'object' &&
    graph.flows !== null &&
    typeof graph.scopes === 'object' &&
    graph.scopes !== null
  );
}
