// What a deployment of the diagram did, in the studio's words. POST /deployments answers 201 with
// new versions or 200 with the existing ones when nothing changed, and says which in `created`:
// the engine decides in the deploying transaction, so a deploy of the same key by someone else at
// the same moment cannot make it look new or unchanged. Its `warnings` (what it deployed past,
// e.g. a foreign diagram's shape pointing at a missing element) are kept.
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

export function deployOutcome(result: DeploymentView): DeployOutcome {
  return {
    kind: result.created ? 'created' : 'unchanged',
    processes: result.processDefinitions.map(({ key, version, name }) => ({ key, version, name })),
    warnings: result.warnings,
  };
}
