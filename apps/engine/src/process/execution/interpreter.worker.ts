// Runs the pure interpreter off the main thread, under V8 resource limits: a FEEL expression
// that loops or allocates without end can only take this worker down, never the node.
import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { CommandRejectedError, interpret, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { InterpretReply, InterpretRequest } from './interpreter-messages.js';
import { RuleSetDecider } from './rule-set-decider.js';

const MAX_CACHED_GRAPHS = 256;
/** Compiled graphs by definition id; definitions are immutable, so entries never go stale. */
const graphs = new Map<string, ProcessGraph>();
/** Rule sets compiled once per version, for business-rule tasks. */
const ruleSets = new RuleSetDecider();

function graphFor(request: InterpretRequest): ProcessGraph | undefined {
  if (request.graph) {
    if (graphs.size >= MAX_CACHED_GRAPHS) {
      const oldest = graphs.keys().next().value;
      if (oldest !== undefined) graphs.delete(oldest);
    }
    graphs.set(request.definitionId, request.graph);
    return request.graph;
  }
  return graphs.get(request.definitionId);
}

function handle(request: InterpretRequest): InterpretReply {
  const graph = graphFor(request);
  if (!graph) return { jobId: request.jobId, kind: 'missing-graph' };
  try {
    const prepared = ruleSets.prepare(request.ruleSets, request.now);
    if (prepared.kind === 'missing') return { jobId: request.jobId, kind: 'missing-rule-sets', ids: prepared.ids };
    const result = interpret(graph, request.state, request.command, {
      now: request.now,
      newId: randomUUID,
      maxSteps: request.maxSteps,
      params: request.params,
      ...(request.record ? { record: request.record } : {}),
      decide: prepared.decide,
    });
    return { jobId: request.jobId, kind: 'ok', result };
  } catch (error) {
    if (error instanceof CommandRejectedError) {
      return { jobId: request.jobId, kind: 'rejected', code: error.code, message: error.message };
    }
    return { jobId: request.jobId, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('interpreter.worker must run as a worker thread');
port.on('message', (request: InterpretRequest) => {
  port.postMessage(handle(request));
});
port.postMessage({ kind: 'ready' } satisfies InterpretReply);
