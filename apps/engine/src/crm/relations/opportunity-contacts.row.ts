// `crm_opportunity_contacts`: the people involved in a deal (beyond its main contact), each with
// an optional role from the roles catalog.
export interface OpportunityContactRow {
  opportunity_id: string;
  contact_id: string;
  role: string | null;
  created_at: Date;
  first_name: string | null;
  last_name: string;
}

export interface OpportunityContactView {
  contactId: string;
  firstName: string | null;
  lastName: string;
  role: string | null;
  createdAt: string;
}

export function toOpportunityContactView(row: OpportunityContactRow): OpportunityContactView {
  return { contactId: row.contact_id, firstName: row.first_name, lastName: row.last_name, role: row.role, createdAt: row.created_at.toISOString() };
}
