import { fakeAs } from '../database/fake-as.js';
import { FakeSettingsRepository } from './settings.repository.fake.js';
import type { SettingsRepository } from './settings.repository.js';
import { SettingsService } from './settings.service.js';

describe('SettingsService', () => {
  it('given no value, when asked for one, then the initial value is stored and answered; asked again (another node), then the stored one, not a new one', async () => {
    const settings = new FakeSettingsRepository();
    const service = new SettingsService(fakeAs<SettingsRepository>(settings));

    const first = await service.getOrCreate('jwt_secret', () => 'first');
    const second = await service.getOrCreate('jwt_secret', () => 'second');

    expect([first, second]).toEqual(['first', 'first']);
    expect(settings.rows.get('jwt_secret')?.value).toBe('first');
  });

  it('given random secrets, then each is 64 URL-safe characters and they differ', () => {
    const [a, b] = [SettingsService.randomSecret(), SettingsService.randomSecret()];

    expect(a).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(a).not.toBe(b);
  });
});
