// A message name starts at most one process. POST /messages starts an instance through the
// message start event of that name in the latest version of each key; with two keys it could
// only answer 409 on every such message, so the second process is refused at deploy instead:
// two processes of one deployment, or one of the deployment and the latest version of another
// key already deployed. A new version of the same key may keep (or move) its own message start.
// Pure, so a package is checked for conflicts inside it (validatePackage) as a deployment is;
// the deployed starts a deployment collides with are read by the engine.
import { startTriggers, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { DeploymentProblem } from './deployment-problem.js';

export interface MessageStart {
  resource: string;
  processKey: string;
  elementId: string;
  messageName: string;
}

/** The message start events of the deployment's processes (top level only, as startTriggers lists them). */
export function messageStarts(resources: readonly { resource: string; processes: readonly ProcessGraph[] }[]): MessageStart[] {
  return resources.flatMap(({ resource, processes }) =>
    processes.flatMap((graph) =>
      startTriggers(graph).flatMap((trigger) =>
        trigger.kind === 'message' ? [{ resource, processKey: graph.id, elementId: trigger.elementId, messageName: trigger.messageName }] : [],
      ),
    ),
  );
}

function problem(start: MessageStart, other: { processKey: string; elementId: string }, where: string): DeploymentProblem {
  return {
    resource: start.resource,
    elementId: start.elementId,
    message: `message start event for message "${start.messageName}": process "${other.processKey}" (${where}, element "${other.elementId}") already starts on that message; a message name can start only one process`,
  };
}

/** Processes of one deployment that start on the same message name: each after the first is refused. */
export function conflictsWithinDeployment(starts: readonly MessageStart[]): DeploymentProblem[] {
  const first = new Map<string, MessageStart>();
  const problems: DeploymentProblem[] = [];
  for (const start of starts) {
    const earlier = first.get(start.messageName);
    if (earlier === undefined) first.set(start.messageName, start);
    else if (earlier.processKey !== start.processKey) problems.push(problem(start, earlier, `in ${earlier.resource}`));
  }
  return problems;
}

/**
 * Message starts of the deployment whose name the latest version of another key, not part of
 * this deployment, already starts on. (Keys of the deployment are left out: their new version
 * replaces the old one's start events.)
 */
export function conflictsWithDeployed(
  starts: readonly MessageStart[],
  deployed: readonly { name: string; definition_key: string; element_id: string }[],
): DeploymentProblem[] {
  return starts.flatMap((start) => {
    const other = deployed.find((row) => row.name === start.messageName);
    return other ? [problem(start, { processKey: other.definition_key, elementId: other.element_id }, 'deployed')] : [];
  });
}
