// Compiling event elements (issue 3): timer, message, signal, error and escalation
// definitions on start, end, intermediate and boundary events; receive and send tasks;
// event-based gateways. classifyEvent() decides the node kind and compiled trigger of one
// element (or refuses it with the reason); linkEvents() checks what needs the whole graph
// (boundary attachment, event-based gateway targets).
import type { ModdleElement } from 'bpmn-moddle';
import type { TimerDefinition } from '../contract/definition.js';
import type { EventTrigger, GraphFlow, GraphNode, NodeKind } from './process-graph.js';
import { timerProblem } from '../timer/timer-schedule.js';
import { UNSUPPORTED_EVENT_DEFINITIONS } from './unsupported-elements.js';

/** What classifyEvent found for an element it handles. */
export interface EventNodeInfo {
  kind: NodeKind;
  event?: EventTrigger;
  attachedTo?: string;
  interrupting?: boolean;
}

/** classifyEvent's answer for elements that are not event elements (the caller handles them). */
export const NOT_AN_EVENT = Symbol('not an event element');

type Refuse = (message: string) => undefined;
type Usage = 'start' | 'end' | 'throw' | 'catch' | 'boundary';

/**
 * The node kind and event trigger of an event element; undefined when it is refused (the
 * reason went to `refuse`); NOT_AN_EVENT for none/terminate events and non-event elements.
 */
export function classifyEvent(element: ModdleElement, inSubProcess: boolean, refuse: Refuse): EventNodeInfo | undefined | typeof NOT_AN_EVENT {
  const type = element.$type;
  const definitions = Array.isArray(element.eventDefinitions) ? (element.eventDefinitions as ModdleElement[]) : [];
  if (definitions.length > 1) return refuse(`${type} with several event definitions (a multiple event) is not supported`);
  const definition = definitions[0];
  switch (type) {
    case 'bpmn:StartEvent': {
      if (!definition) return NOT_AN_EVENT;
      if (inSubProcess)
        return refuse(
          `an embedded subprocess starts at a none start event; ${definitionLabel(definition)} start events belong to processes and event subprocesses`,
        );
      const event = compileDefinition(definition, 'start', refuse);
      return event && { kind: 'eventStartEvent', event };
    }
    case 'bpmn:EndEvent': {
      if (!definition || definition.$type === 'bpmn:TerminateEventDefinition') return NOT_AN_EVENT;
      const event = compileDefinition(definition, 'end', refuse);
      if (!event) return undefined;
      return { kind: event.kind === 'error' ? 'errorEndEvent' : 'eventEndEvent', event };
    }
    case 'bpmn:IntermediateThrowEvent': {
      if (!definition) return NOT_AN_EVENT;
      const event = compileDefinition(definition, 'throw', refuse);
      return event && { kind: 'eventThrowEvent', event };
    }
    case 'bpmn:IntermediateCatchEvent': {
      if (!definition) return refuse('an intermediate catch event needs a timer, message or signal event definition');
      const event = compileDefinition(definition, 'catch', refuse);
      return event && { kind: 'intermediateCatchEvent', event };
    }
    case 'bpmn:BoundaryEvent': {
      if (!definition) return refuse('a boundary event needs a timer, message, signal, error or escalation event definition');
      const interrupting = element.cancelActivity !== false;
      if (!interrupting && definition.$type === 'bpmn:ErrorEventDefinition')
        return refuse('an error boundary event always interrupts its activity (cancelActivity="false" is not allowed)');
      if (interrupting && definition.$type === 'bpmn:TimerEventDefinition' && hasTimeCycle(definition)) {
        return refuse('an interrupting boundary timer fires once: use a timeDate or timeDuration, or make it non-interrupting for a repeating reminder');
      }
      const event = compileDefinition(definition, 'boundary', refuse);
      if (!event) return undefined;
      const attached = element.attachedToRef as ModdleElement | undefined;
      if (!attached?.id) return refuse('a boundary event must be attached to an activity (attachedToRef)');
      return { kind: 'boundaryEvent', event, attachedTo: attached.id, interrupting };
    }
    case 'bpmn:ReceiveTask': {
      const message = messageTrigger(element.messageRef as ModdleElement | undefined, refuse, 'a receive task needs a messageRef');
      return message && { kind: 'receiveTask', event: message };
    }
    case 'bpmn:SendTask': {
      // With stageflow:action it runs an action template, as a service task does.
      if (typeof element.action === 'string' && element.action.trim() !== '') return { kind: 'serviceTask' };
      const message = messageTrigger(
        element.messageRef as ModdleElement | undefined,
        refuse,
        'a send task without stageflow:action needs a messageRef (it emits the message for integrations)',
      );
      return message && { kind: 'sendTask', event: message };
    }
    case 'bpmn:EventBasedGateway':
      if (element.instantiate === true) return refuse('an instantiating event-based gateway is not supported (use message or signal start events)');
      return { kind: 'eventBasedGateway' };
    default:
      return NOT_AN_EVENT;
  }
}

export function compileDefinition(definition: ModdleElement, usage: Usage, refuse: Refuse): EventTrigger | undefined {
  const type = definition.$type;
  const allowed: Record<Usage, readonly string[]> = {
    start: ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition'],
    end: ['bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition'],
    throw: ['bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition'],
    catch: ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition'],
    boundary: [
      'bpmn:TimerEventDefinition',
      'bpmn:MessageEventDefinition',
      'bpmn:SignalEventDefinition',
      'bpmn:ErrorEventDefinition',
      'bpmn:EscalationEventDefinition',
    ],
  };
  if (!allowed[usage].includes(type)) {
    const known = UNSUPPORTED_EVENT_DEFINITIONS[type];
    if (known) return refuse(known);
    if (usage === 'start' && (type === 'bpmn:ErrorEventDefinition' || type === 'bpmn:EscalationEventDefinition')) {
      return refuse(`${definitionLabel(definition)} start events only exist in event subprocesses`);
    }
    return refuse(`${definitionLabel(definition)} events cannot be used as ${usage} events`);
  }
  switch (type) {
    case 'bpmn:TimerEventDefinition':
      return timerTrigger(definition, usage, refuse);
    case 'bpmn:MessageEventDefinition':
      return messageTrigger(definition.messageRef as ModdleElement | undefined, refuse, 'a message event needs a messageRef to a bpmn:message');
    case 'bpmn:SignalEventDefinition': {
      const signal = definition.signalRef as ModdleElement | undefined;
      if (!signal) return refuse('a signal event needs a signalRef to a bpmn:signal');
      const name = typeof signal.name === 'string' ? signal.name.trim() : '';
      if (name === '') return refuse(`bpmn:signal '${signal.id ?? '?'}' needs a name (signals are broadcast by name)`);
      return { kind: 'signal', name };
    }
    case 'bpmn:ErrorEventDefinition': {
      const code = codeOf(definition.errorRef as ModdleElement | undefined, 'errorCode');
      if (code === undefined && usage === 'end') return refuse('an error end event needs an errorRef to a bpmn:error with an errorCode');
      return code === undefined ? { kind: 'error' } : { kind: 'error', code };
    }
    default: {
      const code = codeOf(definition.escalationRef as ModdleElement | undefined, 'escalationCode');
      if (code === undefined && usage !== 'boundary')
        return refuse('an escalation throw or end event needs an escalationRef to a bpmn:escalation with an escalationCode');
      return code === undefined ? { kind: 'escalation' } : { kind: 'escalation', code };
    }
  }
}

function timerTrigger(definition: ModdleElement, usage: Usage, refuse: Refuse): EventTrigger | undefined {
  const present: TimerDefinition[] = [];
  for (const [property, kind] of [
    ['timeDate', 'date'],
    ['timeDuration', 'duration'],
    ['timeCycle', 'cycle'],
  ] as const) {
    const expression = definition[property] as ModdleElement | undefined;
    if (expression) present.push({ kind, expression: typeof expression.body === 'string' ? expression.body.trim() : '' });
  }
  if (present.length !== 1) return refuse('a timer event needs exactly one of timeDate, timeDuration or timeCycle');
  const timer = present[0]!;
  if (timer.kind === 'cycle' && usage === 'catch') return refuse('an intermediate timer catch event fires once: use a timeDate or timeDuration');
  const problem = timerProblem(timer);
  if (problem) return refuse(`Invalid timer: ${problem}`);
  return { kind: 'timer', timer };
}

function hasTimeCycle(definition: ModdleElement): boolean {
  return definition.timeCycle !== undefined && definition.timeCycle !== null;
}

function messageTrigger(message: ModdleElement | undefined, refuse: Refuse, missing: string): EventTrigger | undefined {
  if (!message) return refuse(missing);
  const name = typeof message.name === 'string' ? message.name.trim() : '';
  if (name === '') return refuse(`bpmn:message '${message.id ?? '?'}' needs a name (messages are correlated by name)`);
  const key = typeof message.correlationKey === 'string' && message.correlationKey.trim() !== '' ? message.correlationKey.trim() : undefined;
  return key === undefined ? { kind: 'message', name } : { kind: 'message', name, correlationKey: key };
}

function codeOf(reference: ModdleElement | undefined, property: 'errorCode' | 'escalationCode'): string | undefined {
  const code = reference?.[property];
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : undefined;
}

function definitionLabel(definition: ModdleElement): string {
  return definition.$type
    .replace(/^bpmn:/, '')
    .replace(/EventDefinition$/, '')
    .toLowerCase();
}

/**
 * Whole-graph checks: each boundary event is attached to an activity of its own scope (the
 * activity lists its boundaries in document order); each event-based gateway leads only to
 * timer/message/signal intermediate catch events or receive tasks. Elements already refused
 * (`refused`) get no follow-up problems.
 */
export function linkEvents(
  nodes: Record<string, GraphNode>,
  flows: Record<string, GraphFlow>,
  activityKinds: ReadonlySet<NodeKind>,
  refused: ReadonlyMap<string, string>,
  problem: (elementId: string, message: string) => void,
): void {
  for (const node of Object.values(nodes)) {
    if (node.kind === 'boundaryEvent' && node.attachedTo !== undefined) {
      if (node.incoming.length > 0) problem(node.id, `Boundary event '${node.id}' must not have incoming sequence flows`);
      const activity = nodes[node.attachedTo];
      if (!activity) {
        if (!refused.has(node.attachedTo)) problem(node.id, `Boundary event '${node.id}' is attached to '${node.attachedTo}', which is not an activity`);
        continue;
      }
      if (!activityKinds.has(activity.kind)) {
        problem(node.id, `Boundary event '${node.id}' is attached to '${activity.id}' (${activity.type}); boundary events attach to activities`);
        continue;
      }
      if (activity.scope !== node.scope) {
        problem(node.id, `Boundary event '${node.id}' must be in the same process or subprocess as '${activity.id}'`);
        continue;
      }
      (activity.boundaries ??= []).push(node.id);
    }
  }
  // After the boundaries are linked: a receive task reached through the gateway is triggered
  // at once by the winning message, so boundary events on it could never fire (BPMN forbids them).
  for (const node of Object.values(nodes)) {
    if (node.kind !== 'eventBasedGateway') continue;
    for (const flowId of node.outgoing) {
      const target = nodes[flows[flowId]!.target]!;
      const catches = target.kind === 'receiveTask' || (target.kind === 'intermediateCatchEvent' && target.event !== undefined);
      if (!catches) {
        problem(
          node.id,
          `Event-based gateway '${node.id}' leads to '${target.id}' (${target.type}); it may only lead to timer, message or signal intermediate catch events and receive tasks`,
        );
      } else if (target.boundaries !== undefined) {
        problem(target.id, `Receive task '${target.id}' follows event-based gateway '${node.id}': it must not have boundary events (they could never fire)`);
      }
    }
  }
}
