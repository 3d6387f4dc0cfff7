// formReferences: the forms a process's user tasks name with a literal stageflow:formKey (in any
// scope), so a deployment can check that each form exists and name the task when one does not.
// A FEEL formKey (`= ...`) picks its form at run time and is not listed.
import type { ProcessGraph } from '../contract/definition.js';
import { isFeelExpression } from '../feel/feel-expression.js';
import { isCompiledProcess } from './process-graph.js';

export interface FormReference {
  /** The user task. */
  elementId: string;
  /** Its `stageflow:formKey`, trimmed. */
  formKey: string;
}

export function formReferences(graph: ProcessGraph): FormReference[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  return Object.values(graph.nodes).flatMap((node) => {
    const formKey = node.userTask?.formKey;
    return formKey === undefined || isFeelExpression(formKey) ? [] : [{ elementId: node.id, formKey: formKey.trim() }];
  });
}
