// actionReferences: the action-template keys a deployed process runs (its service tasks and
// send tasks with stageflow:action, in any scope), so the engine can check at deploy that
// each key exists (in the deployment or already deployed) and name the task when one does not.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export interface ActionReference {
  /** The service or send task. */
  elementId: string;
  /** Its `stageflow:action`. */
  actionKey: string;
}

export function actionReferences(graph: ProcessGraph): ActionReference[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const references: ActionReference[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.kind === 'serviceTask' && node.action !== undefined) references.push({ elementId: node.id, actionKey: node.action });
  }
  return references;
}
