// startTriggers: how a deployed process can be started, for the engine to register when a
// version is deployed (timer start jobs, message start and signal start subscriptions).
import type { ProcessGraph, StartTrigger } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export function startTriggers(graph: ProcessGraph): StartTrigger[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const triggers: StartTrigger[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.scope !== graph.id) continue;
    if (node.kind === 'noneStartEvent') triggers.push({ kind: 'none', elementId: node.id });
    if (node.kind !== 'eventStartEvent' || node.event === undefined) continue;
    const event = node.event;
    if (event.kind === 'timer') triggers.push({ kind: 'timer', elementId: node.id, timer: event.timer });
    if (event.kind === 'message') triggers.push({ kind: 'message', elementId: node.id, messageName: event.name });
    if (event.kind === 'signal') triggers.push({ kind: 'signal', elementId: node.id, signalName: event.name });
  }
  return triggers;
}
