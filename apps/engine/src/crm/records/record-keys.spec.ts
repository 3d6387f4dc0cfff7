import { organizationType } from '@stageflow/api-contract';
import { phoneKey, recordKeys, searchable } from './record-keys.js';

describe('record keys', () => {
  it('compares text without case and accents', () => {
    expect(searchable('  Émile   ZOË Müller ')).toBe('emile zoe muller');
  });

  it('gives one key to a phone number written nationally and internationally', () => {
    expect(phoneKey('030 1234567', 'DE')).toBe('+49301234567');
    expect(phoneKey('+49 (30) 123-4567', 'DE')).toBe('+49301234567');
  });

  it('derives search text, e-mail, phone and legal id keys from what will be stored', () => {
    const keys = recordKeys(
      organizationType,
      { name: 'Zürich Métal AG', emails: ['Info@Metal.CH'], phones: ['044 123 45 67'], legalId: 'CHE-123.456.789' },
      'CH',
    );
    expect(keys).toEqual({
      search_text: 'zurich metal ag info@metal.ch +41441234567',
      email_keys: ['info@metal.ch'],
      phone_keys: ['+41441234567'],
      legal_id_key: 'CHE123456789',
    });
  });
});
