// All SQL of `package_definitions`: the package a process definition belongs to (the first
// package that deployed it; a definition reused with identical content keeps its package).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';

@Injectable()
export class PackageDefinitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async packageOf(definitionId: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return rowsOf<{ package_name: string }>(await db.query('SELECT package_name FROM package_definitions WHERE definition_id = $1', [definitionId]))[0]
      ?.package_name;
  }

  /** Claims the definitions for the package; those another package claimed first keep theirs. */
  async claim(packageName: string, definitionIds: readonly string[], tx: Queryable): Promise<void> {
    if (definitionIds.length === 0) return;
    await tx.query(`INSERT INTO package_definitions (definition_id, package_name) SELECT unnest($1::uuid[]), $2 ON CONFLICT (definition_id) DO NOTHING`, [
      definitionIds,
      packageName,
    ]);
  }
}
