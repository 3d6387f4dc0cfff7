// `crm_campaigns`: a marketing campaign — its channel (lead-channels catalog), budget and dates.
export interface CampaignRow {
  id: string;
  name: string;
  channel: string;
  description: string | null;
  /** numeric(20,2), read as float8. */
  budget: number | null;
  currency: string | null;
  /** Dates as text (YYYY-MM-DD), so no time zone shifts them. */
  starts_on: string | null;
  ends_on: string | null;
  created_at: Date;
  updated_at: Date;
  /** How many leads name the campaign (whoever owns them). */
  lead_count: number;
}

export interface CampaignView {
  id: string;
  name: string;
  channel: string;
  description: string | null;
  budget: number | null;
  currency: string | null;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  updatedAt: string;
  /** The leads that came from it (all of them: a count, no record data), for cost per lead. */
  leadCount: number;
  /** budget / leadCount, rounded to cents; null without a budget or leads. */
  costPerLead: number | null;
}

export function toCampaignView(row: CampaignRow): CampaignView {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    description: row.description,
    budget: row.budget,
    currency: row.currency,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    leadCount: row.lead_count,
    costPerLead: row.budget === null || row.lead_count === 0 ? null : Math.round((row.budget / row.lead_count) * 100) / 100,
  };
}
