// `crm_contact_roles`: a contact's role (roles catalog) at an organization; one person may hold
// several roles at several organizations.
export interface ContactRoleRow {
  id: string;
  contact_id: string;
  organization_id: string;
  role: string;
  created_at: Date;
  /** The other side's name, read with the caller's visibility of it. */
  organization_name: string;
  contact_first_name: string | null;
  contact_last_name: string;
}

/** A role as GET /contacts/{id}/roles lists it. */
export interface ContactRoleView {
  id: string;
  contactId: string;
  organizationId: string;
  organizationName: string;
  role: string;
  createdAt: string;
}

/** A contact as GET /organizations/{id}/contacts lists it: the person and their role there. */
export interface OrganizationContactView {
  roleId: string;
  contactId: string;
  firstName: string | null;
  lastName: string;
  role: string;
}

export function toContactRoleView(row: ContactRoleRow): ContactRoleView {
  return {
    id: row.id,
    contactId: row.contact_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
  };
}

export function toOrganizationContactView(row: ContactRoleRow): OrganizationContactView {
  return { roleId: row.id, contactId: row.contact_id, firstName: row.contact_first_name, lastName: row.contact_last_name, role: row.role };
}
