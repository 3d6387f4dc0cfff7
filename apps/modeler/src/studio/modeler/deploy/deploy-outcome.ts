// What a deployment of the diagram did, in the studio's words. POST /deployments answers 201 with
// new versions or 200 with the existing ones when nothing changed; the body is the same in both
// cases, so the studio compares the versions it gets with the latest ones it read just before
// deploying: the same version ids mean the engine found nothing new. Its `warnings` (what it
// deployed past, e.g. a foreign diagram's shape pointing at a missing element) are kept.
import type { DeploymentView } from '@stageflow/api-contract';
import type { EngineProblem } from '../problems/problems';

export interface DeployedProcess {
  key: string;
  version: number;
  name: string | null;
}

export interface DeployOutcome {
  kind: 'created' | 'unchanged';
  processes: DeployedProcess[];
  /** Problems the engine deployed anyway (a foreign diagram's), naming elements. */
  warnings: EngineProblem[];
}

/** `latestBefore`: the id of each key's latest version before the deployment (keys never deployed are absent). */
export function deployOutcome(latestBefore: ReadonlyMap<string, string>, result: DeploymentView): DeployOutcome {
  const unchanged = result.processDefinitions.length > 0 && result.processDefinitions.every((definition) => latestBefore.get(definition.key) === definition.id);
  return {
    kind: unchanged ? 'unchanged' : 'created',
    processes: result.processDefinitions.map(({ key, version, name }) => ({ key, version, name })),
    warnings: result.warnings,
  };
}
