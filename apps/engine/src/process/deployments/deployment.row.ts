// `deployments`: one row per deployment that stored at least one new version.

export interface DeploymentRow {
  id: string;
  name: string;
  deployed_by: string | null;
  created_at: Date;
}
