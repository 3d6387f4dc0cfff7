// Element types Stageflow refuses at deploy time, with the reason shown to the analyst.
// The interpreter never accepts an element it would then ignore. Event elements (timer,
// message, signal, error, escalation; receive/send tasks; event-based gateways) are
// classified in compile-events.ts, which refuses the combinations it does not execute.

export const UNSUPPORTED_ELEMENTS: Readonly<Record<string, string>> = {
  'bpmn:ScriptTask': 'bpmn:ScriptTask is not supported: Stageflow runs no scripts from diagrams (use a service task with an action)',
  'bpmn:ComplexGateway': 'bpmn:ComplexGateway is not supported',
  'bpmn:Transaction': 'bpmn:Transaction is not supported',
  'bpmn:AdHocSubProcess': 'bpmn:AdHocSubProcess is not supported',
  'bpmn:ChoreographyTask': 'choreographies are not executable',
  'bpmn:SubChoreography': 'choreographies are not executable',
  'bpmn:CallChoreography': 'choreographies are not executable',
  'bpmn:ImplicitThrowEvent': 'bpmn:ImplicitThrowEvent is not supported',
};

export const UNSUPPORTED_EVENT_DEFINITIONS: Readonly<Record<string, string>> = {
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported',
  'bpmn:CompensateEventDefinition': 'compensation events are not supported',
  'bpmn:LinkEventDefinition': 'link events are not supported',
  'bpmn:CancelEventDefinition': 'cancel events are not supported',
  'bpmn:TerminateEventDefinition': 'a terminate event definition is only supported on an end event',
};

/** Flow elements with no execution semantics: accepted and not part of the graph. */
export const INERT_FLOW_ELEMENTS: ReadonlySet<string> = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
