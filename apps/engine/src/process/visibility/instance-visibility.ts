// Who sees which process instances, as an SQL condition every statement that reads instances (or
// their history and incidents) carries for a caller, so that no filter can widen it:
// - admins, analysts and integrators see every instance;
// - a seller sees an instance they started, one of whose tasks they hold or held (assigned to
//   them now, or completed by them), or whose business key names a record they see;
// - a manager sees the instances of their teams: started by a member, with a task held or
//   completed by a member or offered to one of the teams, or whose record they see.
// Teams are read from the caller's user row at the statement's time (as the CRM's record
// visibility does), so a change of membership counts at once. "The records the caller sees" is
// the CRM's rule: it provides it through ProcessEngine.provideRecordVisibility (process/ never
// imports crm/); without a provider, business keys give nobody an instance.
// Reads `user_tasks`, `users` and `teams` in conditions only; the tables stay their owners'.
import { Injectable } from '@nestjs/common';
import type { SqlParams } from '../../platform/database/sql-params.js';
import { hasAnyRole, type Principal } from '../../platform/identity/auth/principal.js';

export interface RecordVisibilityPort {
  /**
   * An SQL query of one text column: the business keys (`<type>:<id>`) of every record `principal`
   * sees, its parameters added to `sql`. Used as `business_key IN (<query>)`.
   */
  visibleRecordKeys(principal: Principal, sql: SqlParams): string;
  /** Whether `businessKey` names a record (a start on it needs the caller to see the record). */
  namesRecord(businessKey: string): boolean;
}

/** Roles that see every instance, its history and incidents. */
export function seesAllInstances(principal: Principal): boolean {
  return hasAnyRole(principal, ['admin', 'analyst', 'integrator']);
}

@Injectable()
export class InstanceVisibility {
  private port: RecordVisibilityPort | undefined;

  provide(port: RecordVisibilityPort): void {
    if (this.port) throw new Error('a record-visibility port is already provided');
    this.port = port;
  }

  /** The SQL condition on the instance alias `alias` (a `process_instances` row) for `principal`. */
  condition(principal: Principal, sql: SqlParams, alias = 'i'): string {
    if (seesAllInstances(principal)) return 'true';
    const manager = principal.roles.includes('manager');
    if (!manager && !principal.roles.includes('seller')) return 'false';
    const me = sql.add(principal.userId);
    const clauses: string[] = [];
    if (manager) {
      // An array expression (not a subquery), so that `&&` and `= ANY(...)` see its elements.
      const myTeams = `ARRAY(SELECT unnest(team_ids) FROM users WHERE id = ${me}::uuid)`;
      const members = `SELECT u.id FROM users u WHERE u.id = ${me}::uuid OR u.team_ids && ${myTeams}`;
      const memberNames = `SELECT u.username FROM users u WHERE u.id = ${me}::uuid OR u.team_ids && ${myTeams}`;
      const teamNames = `ARRAY(SELECT t.name FROM teams t WHERE t.id = ANY(${myTeams}))`;
      clauses.push(
        `${alias}.started_by IN (${members})`,
        `${alias}.id IN (SELECT t.process_instance_id FROM user_tasks t
           WHERE t.assignee IN (${memberNames}) OR t.completed_by IN (${memberNames}) OR t.candidate_groups && ${teamNames})`,
      );
    } else {
      const myName = sql.add(principal.username);
      clauses.push(
        `${alias}.started_by = ${me}::uuid`,
        `${alias}.id IN (SELECT t.process_instance_id FROM user_tasks t WHERE t.assignee = ${myName} OR t.completed_by = ${myName})`,
      );
    }
    if (this.port) clauses.push(`${alias}.business_key IN (${this.port.visibleRecordKeys(principal, sql)})`);
    return `(${clauses.join(' OR ')})`;
  }

  /** Whether a start by `principal` on `businessKey` needs a check that they see its record. */
  namesRecord(principal: Principal, businessKey: string | undefined): businessKey is string {
    return this.port !== undefined && businessKey !== undefined && !seesAllInstances(principal) && this.port.namesRecord(businessKey);
  }

  /** The business keys of the records `principal` sees, as an SQL query (`false`-like when no provider). */
  recordKeys(principal: Principal, sql: SqlParams): string {
    return this.port ? this.port.visibleRecordKeys(principal, sql) : 'SELECT NULL::text WHERE false';
  }
}
