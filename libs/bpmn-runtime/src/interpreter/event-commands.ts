// fireTimer, correlateMessage and deliverSignal: find the catch the command names and hand
// it to the catching node's behavior (its `trigger`). An id that no longer waits (a retried
// job, a message for a subscription that just closed) is rejected with TASK_NOT_FOUND, so
// the engine can treat the duplicate as a harmless no-op.
import type { Command } from '../contract/commands.js';
import { CommandRejectedError } from '../contract/interpret.js';
import type { Variables } from '../contract/state.js';
import { behaviors } from '../behaviors/behavior-registry.js';
import { findCatch, findCatches, stillHeld, type HeldCatch } from '../catch/catch-subscriptions.js';
import type { Execution } from './execution.js';

export type EventCommand = Extract<Command, { type: 'fireTimer' | 'correlateMessage' | 'deliverSignal' }>;

export function applyEventCommand(execution: Execution, command: EventCommand, variables: Variables | undefined): void {
  switch (command.type) {
    case 'fireTimer': {
      const held = findCatch(execution.state, command.timerId);
      if (!held || execution.node(held.entry.node).event?.kind !== 'timer') {
        throw new CommandRejectedError('TASK_NOT_FOUND', `No timer '${command.timerId}' is waiting in this instance`);
      }
      trigger(execution, held, undefined);
      return;
    }
    case 'correlateMessage': {
      const held = findCatch(execution.state, command.subscriptionId);
      if (!held || execution.node(held.entry.node).event?.kind !== 'message') {
        throw new CommandRejectedError('TASK_NOT_FOUND', `No message subscription '${command.subscriptionId}' is open in this instance`);
      }
      trigger(execution, held, variables);
      return;
    }
    case 'deliverSignal': {
      const name = command.signalName;
      const matching = findCatches(execution, (node) => node.event?.kind === 'signal' && node.event.name === name);
      if (matching.length === 0) throw new CommandRejectedError('TASK_NOT_FOUND', `No subscription to signal '${name}' is open in this instance`);
      // Every subscription open when the signal arrived, in token order; one that an earlier
      // trigger closed (an interrupting boundary killed its token) no longer fires.
      for (const held of matching) if (stillHeld(execution, held)) trigger(execution, held, variables);
      return;
    }
  }
}

function trigger(execution: Execution, held: HeldCatch, variables: Variables | undefined): void {
  const node = execution.node(held.entry.node);
  const behavior = behaviors[node.kind];
  if (!behavior.trigger) throw new Error(`'${node.id}' (${node.type}) cannot catch events`);
  behavior.trigger(execution, held.token, node, held.entry, variables);
}
