import { loadWebhookConfig, secretEnvName } from './webhook-config.js';

describe('loadWebhookConfig', () => {
  it('given nothing, when loaded, then no host is allowed, private addresses are refused and the defaults apply', () => {
    const config = loadWebhookConfig({});
    expect(config.allowList.anyHost).toBe(false);
    expect(config.allowList.names.size).toBe(0);
    expect(config.allowPrivate).toBe(false);
    expect(config.secrets.size).toBe(0);
    expect(config.timeoutMs).toBe(10_000);
    expect(config.maxAttempts).toBe(10);
  });

  it('given secrets in WEBHOOK_SECRETS and WEBHOOK_SECRET_<NAME>, when loaded, then both are found by their normalised name', () => {
    const config = loadWebhookConfig({ WEBHOOK_SECRETS: '{"crm-prod": "s1"}', WEBHOOK_SECRET_ERP: 's2', WEBHOOK_ALLOW_PRIVATE: 'true' });
    expect(config.secrets.get('CRM_PROD')).toBe('s1');
    expect(config.secrets.get('ERP')).toBe('s2');
    expect(config.allowPrivate).toBe(true);
    expect(secretEnvName('crm-prod')).toBe('WEBHOOK_SECRET_CRM_PROD');
  });

  it('given a mistake, when loaded, then it throws naming the variable', () => {
    expect(() => loadWebhookConfig({ WEBHOOK_SECRETS: '["x"]' })).toThrow(/WEBHOOK_SECRETS must be a JSON object/);
    expect(() => loadWebhookConfig({ WEBHOOK_SECRETS: '{"a": 1}' })).toThrow(/the secret "a" must be a non-empty string/);
    expect(() => loadWebhookConfig({ WEBHOOK_SECRETS: '{"erp": "x"}', WEBHOOK_SECRET_ERP: 'y' })).toThrow(/configured twice/);
    expect(() => loadWebhookConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE must be true or false/);
    expect(() => loadWebhookConfig({ WEBHOOK_TIMEOUT_MS: '-1' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });
});
