import { fieldOfPath, leadBody, opportunityBody } from './quick-add-body';

describe('the quick-add bodies', () => {
  it('given a lead with an e-mail and a phone, when sent, then trimmed, lists of one, empty fields left out', () => {
    expect(leadBody({ title: ' Fleet request ', channel: 'web-form', contactName: '', email: 'a@b.example', phone: ' 030 1234567 ' })).toEqual({
      title: 'Fleet request',
      channel: 'web-form',
      emails: ['a@b.example'],
      phones: ['030 1234567'],
    });
  });

  it('given an opportunity with a value, when sent, then the value a number with its currency; without one neither', () => {
    expect(opportunityBody({ name: 'Fleet', value: '12500,50', currency: 'EUR', expectedDecisionDate: '2027-01-31' })).toEqual({
      name: 'Fleet',
      value: 12500.5,
      currency: 'EUR',
      expectedDecisionDate: '2027-01-31',
    });
    expect(opportunityBody({ name: 'Fleet', value: '', currency: 'EUR', expectedDecisionDate: '' })).toEqual({ name: 'Fleet' });
  });

  it('given the engine’s paths, when placed, then on the form’s fields', () => {
    expect(fieldOfPath('emails[0]')).toBe('email');
    expect(fieldOfPath('phones[0]')).toBe('phone');
    expect(fieldOfPath('title')).toBe('title');
    expect(fieldOfPath('')).toBeUndefined();
  });
});
