// Which start event a `start` command begins at: the named one (a timer, message or signal
// start event of the process, or its none start event), else the none start event.
import { CommandRejectedError } from '../contract/interpret.js';
import type { CompiledProcess } from '../model/process-graph.js';

const START_KINDS = new Set(['noneStartEvent', 'eventStartEvent']);

export function startEventOf(graph: CompiledProcess, startEventId: string | undefined): string {
  if (startEventId === undefined) {
    const start = graph.scopes[graph.id]?.start;
    if (!start) {
      throw new CommandRejectedError(
        'INVALID_COMMAND',
        `Process '${graph.id}' has no none start event: it starts through its timer, message or signal start events (startEventId)`,
      );
    }
    return start;
  }
  const node = graph.nodes[startEventId];
  if (!node || node.scope !== graph.id || !START_KINDS.has(node.kind)) {
    throw new CommandRejectedError('INVALID_COMMAND', `'${startEventId}' is not a start event of process '${graph.id}'`);
  }
  return startEventId;
}
