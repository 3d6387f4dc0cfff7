/**
 * One reason a deployment is refused: the 422 `details` format of `POST /deployments`.
 * Every problem of every resource is listed; nothing of the deployment is stored.
 */
export interface DeploymentProblem {
  /** The resource (file) name as given in the deployment request. */
  resource: string;
  /** The BPMN element or the rule id the problem is about, when there is one. */
  elementId?: string;
  /** Where in a JSON resource (a rule set): `rules[2].conditions.all[0].operator`. */
  path?: string;
  message: string;
}
