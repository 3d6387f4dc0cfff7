// One behavior per element kind: a small object that reacts when a token enters the node
// and, for wait states, when the wait is triggered (a task completed, a subprocess done).
import type { Variables } from '../contract/state.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Catch, Token } from '../state/instance-state.js';

export interface Behavior {
  /** A token arrives at `node` (through flow `via`; undefined for start events). */
  enter(execution: ExecutionContext, token: Token, node: GraphNode, via: string | undefined): void;
  /** A user task's token is completed with `variables` (only wait states with tasks). */
  completeTask?(execution: ExecutionContext, token: Token, node: GraphNode, variables: Variables): void;
  /** The activity's inner work is done (embedded subprocess: no tokens left inside). */
  complete?(execution: ExecutionContext, token: Token, node: GraphNode): void;
  /**
   * A catch of this node fired (timer due, message correlated, signal delivered): `token`
   * holds `entry` (src/catch). Only catching nodes: catch events, receive tasks, boundary
   * events (and event subprocess starts).
   */
  trigger?(execution: ExecutionContext, token: Token, node: GraphNode, entry: Catch, variables: Variables | undefined): void;
}
