/**
 * One reason a deployment is refused: the 422 `details` format of `POST /deployments`.
 * Every problem of every resource is listed; nothing of the deployment is stored.
 */
export interface DeploymentProblem {
  /** The resource (file) name as given in the deployment request. */
  resource: string;
  /** The BPMN element (or, later, rule id) the problem is about, when there is one. */
  elementId?: string;
  message: string;
}
