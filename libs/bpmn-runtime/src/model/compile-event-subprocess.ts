// Compiling event subprocesses (`bpmn:subProcess triggeredByEvent="true"`): a subprocess
// without sequence flows that starts when its start event's trigger occurs while the
// enclosing scope (the process, or an embedded subprocess instance) is active. Its start event
// has exactly one timer, message, signal, error or escalation definition and is interrupting
// unless `isInterrupting="false"` (error starts always interrupt; an interrupting timer fires
// once, so a cycle is refused there, as on an interrupting boundary timer).
import type { ModdleElement } from 'bpmn-moddle';
import { compileDefinition, type EventNodeInfo } from './compile-events.js';
import type { GraphNode, GraphScope } from './process-graph.js';

type Refuse = (message: string) => undefined;

/** The start event of an event subprocess: its trigger and whether it interrupts the scope. */
export function classifyEventSubProcessStart(element: ModdleElement, refuse: Refuse): EventNodeInfo | undefined {
  if (element.$type !== 'bpmn:StartEvent') return undefined;
  const definitions = Array.isArray(element.eventDefinitions) ? (element.eventDefinitions as ModdleElement[]) : [];
  if (definitions.length !== 1) {
    return refuse('the start event of an event subprocess needs exactly one timer, message, signal, error or escalation event definition');
  }
  const definition = definitions[0]!;
  const interrupting = element.isInterrupting !== false;
  if (!interrupting && definition.$type === 'bpmn:ErrorEventDefinition')
    return refuse('an error start event always interrupts its scope (isInterrupting="false" is not allowed)');
  if (interrupting && definition.$type === 'bpmn:TimerEventDefinition' && definition.timeCycle) {
    return refuse('an interrupting event subprocess timer fires once: use a timeDate or timeDuration, or make it non-interrupting for a repeating one');
  }
  const event = compileDefinition(definition, 'boundary', refuse);
  return event && { kind: 'eventSubProcessStart', event, interrupting };
}

/**
 * Checks of one event subprocess scope once flows are connected: one start event (the one
 * classified above), no sequence flows into or out of the event subprocess itself. Returns
 * the start event's id.
 */
export function checkEventSubProcessScope(
  scope: GraphScope,
  owner: GraphNode,
  members: readonly GraphNode[],
  problem: (elementId: string, message: string) => void,
): string | undefined {
  if (owner.incoming.length > 0 || owner.outgoing.length > 0)
    problem(owner.id, `Event subprocess '${owner.id}' must not have incoming or outgoing sequence flows`);
  const starts = members.filter((node) => node.kind === 'eventSubProcessStart');
  const others = members.filter((node) => node.kind === 'noneStartEvent' || node.kind === 'eventStartEvent');
  for (const other of others)
    problem(other.id, `Event subprocess '${scope.id}' starts only at its one timer, message, signal, error or escalation start event`);
  if (starts.length === 0 && others.length === 0) problem(scope.id, `Event subprocess '${scope.id}' has no start event`);
  if (starts.length > 1) problem(scope.id, `Event subprocess '${scope.id}' has ${starts.length} start events; only one is supported`);
  return starts[0]?.id;
}
