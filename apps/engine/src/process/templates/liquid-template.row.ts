// `liquid_templates`: versions of `*.liquid` resources (immutable), as PostgreSQL returns them.

export interface LiquidTemplateRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resource_name: string;
  content: string;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}
