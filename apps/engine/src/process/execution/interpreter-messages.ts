// The messages between the engine and its interpreter worker threads (structured-cloned).
import type { Command, InstanceState, InterpretResult, ProcessGraph } from '@stageflow/bpmn-runtime';
import type { ShippedRuleSet } from './rule-set-decider.js';

export interface InterpretRequest {
  jobId: number;
  definitionId: string;
  /** Sent only when the worker does not hold the graph yet. */
  graph?: ProcessGraph;
  state?: InstanceState;
  command: Command;
  now: string;
  maxSteps: number;
  params?: Record<string, unknown>;
  /** The record the instance is about, visible as `record`. */
  record?: Record<string, unknown>;
  /**
   * The rule sets the process's business-rule tasks refer to (latest versions), when it has any;
   * documents only of versions the worker is not known to hold.
   */
  ruleSets?: ShippedRuleSet[];
}

export type InterpretReply =
  /** Sent once by a new worker when its modules are loaded: only then is it given commands. */
  | { kind: 'ready' }
  | { jobId: number; kind: 'ok'; result: InterpretResult }
  | { jobId: number; kind: 'missing-graph' }
  /** Rule-set versions sent without their document that the worker does not hold (evicted): send again with them. */
  | { jobId: number; kind: 'missing-rule-sets'; ids: string[] }
  | { jobId: number; kind: 'rejected'; code: 'TASK_NOT_FOUND' | 'INSTANCE_NOT_ACTIVE' | 'INVALID_COMMAND'; message: string }
  | { jobId: number; kind: 'failed'; message: string };
