import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Values shared by all engine nodes, stored in the `settings` table. */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns the stored value, storing `initial` first when there is none (race-free across nodes). */
  async getOrCreate(key: string, initial: () => string): Promise<string> {
    await this.dataSource.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, initial()]);
    const rows: { value: string }[] = await this.dataSource.query('SELECT value FROM settings WHERE key = $1', [key]);
    const value = rows[0]?.value;
    if (value === undefined) throw new Error(`setting ${key} vanished`);
    return value;
  }

  static randomSecret(): string {
    return randomBytes(48).toString('base64url');
  }
}
