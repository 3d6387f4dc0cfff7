import { loadEmailConfig } from './smtp-config.js';

describe('loadEmailConfig', () => {
  it('given no SMTP_URL, when loaded, then there is no SMTP server and the defaults apply', () => {
    expect(loadEmailConfig({})).toEqual({ maxAttempts: 10, timeoutMs: 30_000 });
  });

  it('given smtp and smtps URLs with a From address, when loaded, then both are kept as given', () => {
    expect(loadEmailConfig({ SMTP_URL: 'smtp://user:pass@mail.example.com:587', SMTP_FROM: 'Sales <sales@example.com>', SMTP_MAX_ATTEMPTS: '3' })).toEqual({
      smtp: { url: 'smtp://user:pass@mail.example.com:587', from: 'Sales <sales@example.com>' },
      maxAttempts: 3,
      timeoutMs: 30_000,
    });
    expect(loadEmailConfig({ SMTP_URL: 'smtps://mail.example.com', SMTP_FROM: 'noreply@example.com' }).smtp?.url).toBe('smtps://mail.example.com');
  });

  it('given a settings mistake, when loaded, then it throws naming the variable', () => {
    expect(() => loadEmailConfig({ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'a@example.com' })).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(() => loadEmailConfig({ SMTP_URL: 'not a url', SMTP_FROM: 'a@example.com' })).toThrow(/SMTP_URL is not a URL/);
    expect(() => loadEmailConfig({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(/SMTP_FROM is required/);
    expect(() => loadEmailConfig({ SMTP_URL: 'smtp://mail.example.com', SMTP_FROM: 'nobody' })).toThrow(/SMTP_FROM must contain an e-mail address/);
    expect(() => loadEmailConfig({ SMTP_MAX_ATTEMPTS: '0' })).toThrow(/SMTP_MAX_ATTEMPTS/);
  });
});
