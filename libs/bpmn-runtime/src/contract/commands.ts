// Inputs of the interpreter: each command runs the instance's tokens until every token waits.
import type { Variables } from './state.js';

export type Command =
  | { type: 'start'; variables?: Variables; businessKey?: string }
  | { type: 'completeTask'; taskId: string; variables?: Variables }
  | { type: 'cancel' };
