// What a flow node is to the interpreter — its behavior kind and event trigger — or why the
// engine refuses it. compileBpmn runs it on every flow node at deploy; the modeler's lint rules
// run the same function on the analyst's diagram as it is drawn, so both say the same thing.
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeKind } from './process-graph.js';
import { UNSUPPORTED_ELEMENTS, UNSUPPORTED_EVENT_DEFINITIONS } from './unsupported-elements.js';
import { classifyEvent, NOT_AN_EVENT, type EventNodeInfo } from './compile-events.js';
import { classifyEventSubProcessStart } from './compile-event-subprocess.js';

/** Where the flow node sits: directly in a process, in an embedded subprocess, or in an event subprocess. */
export interface FlowNodeContext {
  inSubProcess: boolean;
  inEventSubProcess: boolean;
}

/**
 * The behavior kind of a flow node (with its event trigger for event elements), or undefined
 * when the engine refuses it: `refuse` then received the reason, in the analyst's words.
 */
export function classifyFlowNode(element: ModdleElement, context: FlowNodeContext, refuse: (message: string) => undefined): EventNodeInfo | undefined {
  const type = element.$type;
  if (context.inEventSubProcess && type === 'bpmn:StartEvent') return classifyEventSubProcessStart(element, refuse);
  const unsupported = UNSUPPORTED_ELEMENTS[type];
  if (unsupported) return refuse(unsupported);
  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    return refuse('standard loops are not supported (model the loop with a gateway, or use multi-instance over a collection)');
  }
  if (element.isForCompensation === true) return refuse('compensation handlers are not supported');
  const evented = classifyEvent(element, context.inSubProcess, refuse);
  if (evented !== NOT_AN_EVENT) return evented;
  const kind = plainKind(element, refuse);
  return kind === undefined ? undefined : { kind };
}

/** Elements classifyEvent leaves to us: none/terminate events, tasks, gateways, subprocesses. */
function plainKind(element: ModdleElement, refuse: (message: string) => undefined): NodeKind | undefined {
  const type = element.$type;
  const definitions = Array.isArray(element.eventDefinitions) ? (element.eventDefinitions as ModdleElement[]) : [];
  const definitionType = definitions[0]?.$type;
  const unsupportedDefinition = () => refuse(`${UNSUPPORTED_EVENT_DEFINITIONS[definitionType!] ?? `${definitionType} is not supported`} (${type})`);
  switch (type) {
    case 'bpmn:StartEvent':
      if (definitionType) return unsupportedDefinition();
      return 'noneStartEvent';
    case 'bpmn:EndEvent':
      if (definitions.length === 1 && definitionType === 'bpmn:TerminateEventDefinition') return 'terminateEndEvent';
      if (definitions.length > 1) return refuse('end events with several event definitions are not supported');
      if (definitionType) return unsupportedDefinition();
      return 'noneEndEvent';
    case 'bpmn:IntermediateThrowEvent':
      if (definitionType) return unsupportedDefinition();
      return 'intermediateThrowEvent';
    case 'bpmn:UserTask':
      return 'userTask';
    case 'bpmn:ManualTask':
    case 'bpmn:Task':
      return 'manualTask';
    case 'bpmn:BusinessRuleTask':
      return 'businessRuleTask';
    case 'bpmn:ServiceTask':
      return 'serviceTask';
    case 'bpmn:CallActivity':
      return 'callActivity';
    case 'bpmn:ExclusiveGateway':
      return 'exclusiveGateway';
    case 'bpmn:ParallelGateway':
      return 'parallelGateway';
    case 'bpmn:InclusiveGateway':
      return 'inclusiveGateway';
    case 'bpmn:SubProcess':
      if (element.triggeredByEvent === true) return 'eventSubProcess';
      return 'subProcess';
    default:
      return refuse(`${type} is not supported`);
  }
}
