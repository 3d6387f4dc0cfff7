// Outputs of the interpreter: what the engine must persist or do, in the order it happened.
import type { Variables } from './state.js';

export type Effect =
  | {
      type: 'ElementEntered';
      elementId: string;
      elementType: string;
      /** `stageflow:stage` of the element, when it has one (the pipeline stage the instance enters). */
      stage?: string;
    }
  | { type: 'ElementLeft'; elementId: string; elementType: string }
  | { type: 'FlowTaken'; elementId: string; elementType: 'bpmn:SequenceFlow' }
  | {
      type: 'TaskCreated';
      taskId: string;
      elementId: string;
      name?: string;
      assignee?: string;
      candidateGroups: string[];
      /** ISO 8601 instant, computed from the due-date expression and `now`. */
      dueAt?: string;
      priority?: number;
      formKey?: string;
      /** Variables visible to the task when it was created (for forms). */
      variables: Variables;
    }
  | { type: 'TaskCompleted'; taskId: string; elementId: string; variables: Variables }
  | { type: 'TaskCancelled'; taskId: string; elementId: string }
  | {
      type: 'VariablesChanged';
      changes: Variables;
      /** The element whose completion or output mapping wrote the variables (absent for start variables). */
      elementId?: string;
      /** The scope instance written to; absent for the instance scope (`state.variables`). */
      scopeId?: string;
    }
  | { type: 'IncidentRaised'; elementId?: string; message: string }
  | { type: 'InstanceCompleted' }
  | { type: 'InstanceTerminated'; elementId?: string }
  | { type: 'InstanceCancelled' };

export type EffectType = Effect['type'];
