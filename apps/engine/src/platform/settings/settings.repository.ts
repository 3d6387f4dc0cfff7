// All SQL of the `settings` table. Each method runs on the data source, or on the caller's
// transaction when one is passed last.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import { rowsOf } from '../database/query-rows.js';
import type { SettingRow } from './settings.row.js';

@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the value unless the key has one already (the first writer of all nodes wins). */
  async insertIfAbsent(key: string, value: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
  }

  async find(key: string, db: Queryable = this.dataSource): Promise<SettingRow | undefined> {
    return rowsOf<SettingRow>(await db.query('SELECT key, value, created_at FROM settings WHERE key = $1', [key]))[0];
  }
}
