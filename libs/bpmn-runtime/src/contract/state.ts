// Instance state is plain JSON: the engine persists it as it is (jsonb) and hands it back
// on the next command. Its inner layout belongs to the interpreter.
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Variables = { [name: string]: JsonValue };

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'incident';

export interface InstanceState {
  status: InstanceStatus;
  /** Top-level (instance scope) variables, for display and queries. */
  variables: Variables;
  /** Interpreter-owned data: tokens, scopes, waits, join counters. */
  [internal: string]: unknown;
}
