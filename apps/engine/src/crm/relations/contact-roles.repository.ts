// All SQL of `crm_contact_roles`. A list joins the other side's record table with the caller's
// visibility: a contact's roles at organizations the caller cannot see are not listed, nor an
// organization's contacts the caller cannot see.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { visibleTo } from '../records/record-visibility.js';
import type { ContactRoleRow } from './contact-roles.row.js';

const COLUMNS = `cr.id, cr.contact_id, cr.organization_id, cr.role, cr.created_at,
  o.name AS organization_name, c.first_name AS contact_first_name, c.last_name AS contact_last_name`;

@Injectable()
export class ContactRolesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the role unless the contact holds it there already (then undefined). */
  async insert(
    row: Pick<ContactRoleRow, 'id' | 'contact_id' | 'organization_id' | 'role'>,
    db: Queryable = this.dataSource,
  ): Promise<ContactRoleRow | undefined> {
    return rowsOf<ContactRoleRow>(
      await db.query(
        `WITH cr AS (INSERT INTO crm_contact_roles (id, contact_id, organization_id, role) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (contact_id, organization_id, role) DO NOTHING RETURNING *)
         SELECT ${COLUMNS} FROM cr JOIN crm_organizations o ON o.id = cr.organization_id JOIN crm_contacts c ON c.id = cr.contact_id`,
        [row.id, row.contact_id, row.organization_id, row.role],
      ),
    )[0];
  }

  /** The contact's roles at organizations `principal` sees, by organization name. */
  async ofContact(contactId: string, principal: Principal, db: Queryable = this.dataSource): Promise<ContactRoleRow[]> {
    const sql = new SqlParams();
    return rowsOf<ContactRoleRow>(
      await db.query(
        `SELECT ${COLUMNS} FROM crm_contact_roles cr
           JOIN crm_organizations o ON o.id = cr.organization_id JOIN crm_contacts c ON c.id = cr.contact_id
          WHERE cr.contact_id = ${sql.add(contactId)}::uuid AND ${visibleTo(principal, 'read', sql, 'o')}
          ORDER BY o.name, cr.role, cr.id`,
        sql.values,
      ),
    );
  }

  /** The contacts `principal` sees with a role at the organization, by last name. */
  async ofOrganization(organizationId: string, principal: Principal, db: Queryable = this.dataSource): Promise<ContactRoleRow[]> {
    const sql = new SqlParams();
    return rowsOf<ContactRoleRow>(
      await db.query(
        `SELECT ${COLUMNS} FROM crm_contact_roles cr
           JOIN crm_organizations o ON o.id = cr.organization_id JOIN crm_contacts c ON c.id = cr.contact_id
          WHERE cr.organization_id = ${sql.add(organizationId)}::uuid AND ${visibleTo(principal, 'read', sql, 'c')}
          ORDER BY c.last_name, c.first_name, cr.role, cr.id`,
        sql.values,
      ),
    );
  }

  /** Removes one of the contact's roles; the removed row (for the history), or undefined. */
  async delete(contactId: string, id: string, db: Queryable = this.dataSource): Promise<Pick<ContactRoleRow, 'organization_id' | 'role'> | undefined> {
    return rowsOf<Pick<ContactRoleRow, 'organization_id' | 'role'>>(
      await db.query('WITH cr AS (DELETE FROM crm_contact_roles WHERE contact_id = $1 AND id = $2 RETURNING organization_id, role) SELECT * FROM cr', [
        contactId,
        id,
      ]),
    )[0];
  }
}
