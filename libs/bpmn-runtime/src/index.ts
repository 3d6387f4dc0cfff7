// @stageflow/bpmn-runtime: the pure BPMN interpreter (no I/O, no clock, no randomness).
//
//   compileBpmn(xml)                      BPMN 2.0 XML -> ProcessGraph[] (plain JSON) or every problem
//   interpret(graph, state, command, o)   runs one command to completion -> { state, effects }
//   tokensOf(state)                       the parked tokens of a state {id, elementId, scopeId, wait, ...} (for display)
//   stageflowModdleDescriptor             the `stageflow` moddle extension (engine and modeler)
//   Scenario                              in-memory driver for specs (deploy -> start -> tasks -> complete)
//
// Supported:
//   - none start event (one per process / subprocess), none end event, terminate end event
//     (ends its scope: the instance at top level, else the embedded subprocess, which then completes)
//   - user task (wait state; stageflow:assignee, candidateGroups, dueDate, priority, formKey;
//     stageflow:assignment = a literal assignment rule-set key, evaluated through decide when no
//     assignee is given: its decision rides on TaskCreated.assignment for the engine to resolve)
//   - manual task and untyped bpmn:Task (pass through), intermediate none throw event (pass through)
//   - business-rule task (stageflow:ruleSet = a literal rule-set key, stageflow:resultVariable,
//     default the key): evaluates the rule set through InterpretOptions.decide with the
//     variables visible in the token's scope as facts, writes the result to the nearest scope
//     that has the variable (else the instance) and leaves; no `decide`, an unknown rule set or
//     a failing evaluation -> incident naming the rule set (behaviors/business-rule-task)
//   - exclusive, parallel and inclusive gateways (split and join, joins inside loops)
//   - embedded subprocess (own variable scope)
//   - service task, and send task with stageflow:action (a literal action-template key): a wait
//     state emitting ActionRequested with the variables visible in its scope; completeAction
//     writes the action's variables like a task completion, failAction throws the BPMN error at
//     the task; interrupting or cancelling it -> ActionCancelled (behaviors/service-task)
//   - setVariables: instance variables set from outside any element (an actions rule set)
//   - call activity (calledElement = a literal process key): CalledProcessStarted with exactly
//     the input mappings as the child's variables and the parent's business key; the token waits
//     for completeCalledProcess (output mappings read the child's end variables) or
//     failCalledProcess (the BPMN error is thrown at the call activity); an escalation the child does
//     not catch comes back as escalateCalledProcess (thrown at the call activity, which keeps
//     waiting unless an interrupting boundary takes it); cancelling -> CalledProcessCancelled
//   - multi-instance, parallel and sequential, on user/manual tasks, embedded subprocesses and
//     call activities: stageflow:collection (FEEL list), elementVariable, loopCounter,
//     bpmn:completionCondition (nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances),
//     outputCollection/outputElement; an empty collection skips the activity, a non-list is an
//     incident; boundary events attach to the whole body (behaviors/multi-instance)
//   - stageflow:ioMapping on activities (inputs -> locals of the activity, outputs -> enclosing scope)
//   - stageflow:stage on any flow node (reported on ElementEntered and ElementLeft, end events included)
//   - stageflow:moves + stageflow:exitCriteria on the user task a stage waits at: the stages a record
//     may be moved to from there and the exitCriteria rule set (a literal key) that must let a move
//     pass; a move naming a stage no element has is refused at deploy. A move is an ordinary
//     completeTask with `stageMove`/`stageMoveReason` (the engine checks the criteria); the
//     diagram routes on them (model/compile-stage-moves.ts). exitCriteriaReferences(graph) lists
//     the rule-set keys (deploy check); stageElements(graph) the elements of each stage
//     with their moves; variablesAtTask(state, taskId) what a task sees; elementNames(graph) the
//     diagram's names of its elements by id (where a record's process waits, in words).
//   - stageflow:async="true" on activities: the token parks before the element
//     (AsyncContinuationScheduled); continueAsync enters it (interpreter/async-continuation.ts)
//   - retryIncident: an incident's token runs its element again (interpreter/incident-retry.ts)
//   - FEEL (feelin) in conditions, mappings and task attributes; package parameters as `params`
//   - data objects / stores, lanes, text annotations, foreign-namespace extensions: accepted, no semantics
//   Warnings (CompileResult.warnings, same shape as problems; docs/bpmn-import.md): what a diagram from
//   another tool holds that does not change what runs — diagram shapes pointing at missing elements,
//   unknown label styles, misplaced documentation, other vendors' elements and attributes, references
//   nothing executable reads, unreachable elements, non-executable processes (model/moddle-warnings.ts)
//   Events (issue 3; src/catch, src/timer, src/throw):
//   - timers (ISO 8601 date, duration, cycle R[n]/<duration> or R[n]/<start>/<duration>, or FEEL;
//     cycles of less than 1 s refused): timer start event (cycles), intermediate timer catch
//     (date/duration), boundary timer (interrupting: date/duration; non-interrupting: also cycles)
//   - messages (bpmn:message name + stageflow:correlationKey, FEEL evaluated when the
//     subscription opens): message start event, intermediate catch, receive task, boundary
//     (interrupting / non-interrupting), message end and intermediate throw events and send
//     tasks without stageflow:action (MessageThrown)
//   - signals (by bpmn:signal name): start, intermediate catch, boundary, intermediate throw and end (SignalThrown)
//   - errors: error end event (bpmn:error errorCode), error boundary (by code or catch-all),
//     propagated outwards through embedded subprocesses; uncaught: ErrorUncaught + incident
//   - escalations: end and intermediate throw, boundary (interrupting / non-interrupting); uncaught:
//     EscalationUncaught and the thrower goes on (a called process's engine forwards it to the parent)
//   - event-based gateway followed by timer/message/signal intermediate catch events and receive tasks
//   - event subprocesses in processes and embedded subprocesses (timer, message, signal, error,
//     escalation start; interrupting or not): timer/message/signal starts listen through
//     listener tokens holding the catch while the scope is active; errors/escalations are found
//     when thrown (behaviors/event-sub-process)
//   calledProcesses(graph) lists its call activities' process keys (the engine's deploy check);
//   actionReferences(graph) its service and send tasks' action-template keys (deploy check);
//   formReferences(graph) its user tasks' literal stageflow:formKey (deploy check); messageNames(graph) the
//   messages it catches or throws (the modeler's picker); parameterReferences(graph)
//   the package parameters (`params.<name>`) its FEEL reads, by element (package check);
//   ruleSetReferences(graph) its business-rule tasks' and assigned user tasks' rule-set keys (deploy check, and which
//   rule sets the engine hands the interpreter).
//   runsBounded(graph) tells whether every command on the process provably finishes quickly (only
//   bounded FEEL, see isBoundedFeel; no rule sets, multi-instance or loop without a wait state): the
//   engine then interprets it on its main thread instead of a worker thread.
//   startTriggers(graph) lists a process's start events for the engine; nextTimerDue(timer, ...)
//   computes a timer start event's next due instant.
// Refused at deploy time with the element id and a reason: script tasks; service tasks without
// stageflow:action or with a FEEL one;
// business-rule tasks without stageflow:ruleSet or with a FEEL one, and multi-instance ones;
// call activities without calledElement or with a
// FEEL one; complex gateways; instantiating event-based gateways; conditional/compensation/
// link/cancel event definitions; events with several definitions; error/escalation start
// events outside event subprocesses; triggered start events in embedded subprocesses; timer
// cycles on intermediate catch events, interrupting boundaries and interrupting event
// subprocess starts; event subprocesses with sequence flows, mappings or loops; non-interrupting
// error starts; transactions, ad-hoc subprocesses;
// standard loops, loopCardinality and the BPMN data-input form of multi-instance;
// stageflow:async on anything but an activity; conditions or default flows outside
// exclusive/inclusive gateways; what bpmn-moddle would drop that changes execution (unknown
// stageflow attributes, unknown BPMN elements or types, illegal and duplicate ids, unresolved
// references of flows, defaults, boundaries and event triggers); invalid FEEL or timer text;
// structural errors (missing start event, elements without outgoing flows, a parallel join
// waiting for an unreachable element, dangling flows,
// boundary events not on an activity, event-based gateways leading to anything but catch
// events and receive tasks, boundary events on a receive task after an event-based gateway).
// Processes with isExecutable="false" are skipped (documentation pools), each with a warning.
export * from './contract/definition.js';
export * from './contract/commands.js';
export * from './contract/state.js';
export * from './contract/effects.js';
export * from './contract/interpret.js';
export { compileBpmn } from './model/compile-bpmn.js';
export { interpret } from './interpreter/interpret.js';
export { startTriggers } from './model/start-triggers.js';
export { calledProcesses, type CalledProcess } from './model/called-processes.js';
export { candidateStartersOf, type CandidateStarters } from './model/candidate-starters.js';
export { ruleSetReferences, exitCriteriaReferences, type RuleSetReference } from './model/rule-set-references.js';
export { stageElements, type StageElement } from './model/stage-elements.js';
export { elementNames } from './model/element-names.js';
export { actionReferences, type ActionReference } from './model/action-references.js';
export { formReferences, type FormReference } from './model/form-references.js';
export { messageNames } from './model/message-names.js';
export { parameterReferences, type ParameterReference } from './model/parameter-references.js';
export { feelParameterNames, PARAMETERS_VARIABLE } from './feel/feel-parameters.js';
export { runsBounded } from './model/runs-bounded.js';
export { nextTimerDue, TimerEvaluationError, type NextTimerDueOptions } from './timer/next-timer-due.js';
export { DEFAULT_MAX_STEPS } from './interpreter/execution.js';
export { tokensOf, variablesAtTask, type TokenView, type TokenWait } from './state/tokens-of.js';
export { stageflowModdleDescriptor, STAGEFLOW_NAMESPACE } from './moddle/stageflow.descriptor.js';
export * from './testing/scenario.js';
export { bpmnProcess, flow as sequenceFlowXml } from './testing/bpmn-fixtures.js';
// The deploy checks of single elements, for the modeler's lint rules (apps/modeler lint/): the
// analyst sees the engine's own verdict, in the engine's words, while drawing.
export { classifyFlowNode, type FlowNodeContext } from './model/classify-flow-node.js';
export { userTaskAttributeProblem, USER_TASK_ATTRIBUTES, type UserTaskAttribute } from './model/check-user-task-attribute.js';
export { checkUserTaskAssignment } from './model/compile-user-task-assignment.js';
export { checkActionKey } from './model/compile-service-task.js';
export { checkBusinessRuleTask } from './model/compile-business-rule-task.js';
export { checkCalledElement } from './model/compile-call-activity.js';
export { compileMultiInstance } from './model/compile-multi-instance.js';
export { INERT_FLOW_ELEMENTS } from './model/unsupported-elements.js';
export { isFeelExpression, parseFeel, type FeelParseResult } from './feel/feel-expression.js';
