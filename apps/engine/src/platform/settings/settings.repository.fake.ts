// For service specs: SettingsRepository over a map (the first stored value of a key stays).
import type { SettingsRepository } from './settings.repository.js';
import type { SettingRow } from './settings.row.js';

export class FakeSettingsRepository implements Pick<SettingsRepository, keyof SettingsRepository> {
  readonly rows = new Map<string, SettingRow>();

  async insertIfAbsent(key: string, value: string): Promise<void> {
    if (!this.rows.has(key)) this.rows.set(key, { key, value, created_at: new Date() });
  }

  async find(key: string): Promise<SettingRow | undefined> {
    return this.rows.get(key);
  }
}
