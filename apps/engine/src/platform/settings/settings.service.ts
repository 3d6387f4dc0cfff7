import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SettingsRepository } from './settings.repository.js';
import { toSettingValue } from './settings.row.js';

/** Values shared by all engine nodes, stored in the `settings` table. */
@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /** Returns the stored value, storing `initial` first when there is none (race-free across nodes). */
  async getOrCreate(key: string, initial: () => string): Promise<string> {
    await this.settings.insertIfAbsent(key, initial());
    const row = await this.settings.find(key);
    if (row === undefined) throw new Error(`setting ${key} vanished`);
    return toSettingValue(row);
  }

  static randomSecret(): string {
    return randomBytes(48).toString('base64url');
  }
}
