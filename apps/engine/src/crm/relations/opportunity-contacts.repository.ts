// All SQL of `crm_opportunity_contacts`; the list joins the contacts with the caller's visibility.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { visibleTo } from '../records/record-visibility.js';
import type { OpportunityContactRow } from './opportunity-contacts.row.js';

const COLUMNS = 'oc.opportunity_id, oc.contact_id, oc.role, oc.created_at, c.first_name, c.last_name';

@Injectable()
export class OpportunityContactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the contact to the opportunity, or sets their role when they are on it already. */
  async upsert(opportunityId: string, contactId: string, role: string | null, db: Queryable = this.dataSource): Promise<OpportunityContactRow> {
    return rowsOf<OpportunityContactRow>(
      await db.query(
        `WITH oc AS (INSERT INTO crm_opportunity_contacts (opportunity_id, contact_id, role) VALUES ($1, $2, $3)
                     ON CONFLICT (opportunity_id, contact_id) DO UPDATE SET role = EXCLUDED.role RETURNING *)
         SELECT ${COLUMNS} FROM oc JOIN crm_contacts c ON c.id = oc.contact_id`,
        [opportunityId, contactId, role],
      ),
    )[0]!;
  }

  async ofOpportunity(opportunityId: string, principal: Principal, db: Queryable = this.dataSource): Promise<OpportunityContactRow[]> {
    const sql = new SqlParams();
    return rowsOf<OpportunityContactRow>(
      await db.query(
        `SELECT ${COLUMNS} FROM crm_opportunity_contacts oc JOIN crm_contacts c ON c.id = oc.contact_id
          WHERE oc.opportunity_id = ${sql.add(opportunityId)}::uuid AND ${visibleTo(principal, 'read', sql, 'c')}
          ORDER BY c.last_name, c.first_name, c.id`,
        sql.values,
      ),
    );
  }

  /** Takes the contact off the opportunity; false when they were not on it. */
  async delete(opportunityId: string, contactId: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ contact_id: string }>(
      await db.query('WITH oc AS (DELETE FROM crm_opportunity_contacts WHERE opportunity_id = $1 AND contact_id = $2 RETURNING contact_id) SELECT * FROM oc', [
        opportunityId,
        contactId,
      ]),
    );
    return rows.length > 0;
  }
}
