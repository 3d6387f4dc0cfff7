// The files of one deployment, as the engine compiles them. The API body that carries them
// (`POST /api/v1/deployments`) has its JSON Schema and validator in @stageflow/api-contract.

/** One file of a deployment: its name decides its kind (see `resourceKind`). */
export interface DeploymentResource {
  name: string;
  content: string;
}

/** A named set of resources deployed together. */
export interface DeploymentRequest {
  name: string;
  resources: DeploymentResource[];
}
