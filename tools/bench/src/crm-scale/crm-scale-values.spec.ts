// The generator writes search_text, email_keys and phone_keys itself (in SQL, from these lists):
// they must be what the engine derives on its own writes, or the search would not find generated rows.
import { phoneKey, searchable } from '../../../../apps/engine/src/crm/records/record-keys.js';
import {
  ACTIVITY_SUBJECTS,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  PHONE_PLANS,
  emailLocalPart,
  searchableText,
} from './crm-scale-values.js';

describe('the generator value lists', () => {
  it('given every list of texts, when made searchable, then each form is the engine’s searchable() of the display value', () => {
    for (const list of [FIRST_NAMES, LAST_NAMES, COMPANY_WORDS, COMPANY_KINDS, LEGAL_FORMS, ACTIVITY_SUBJECTS]) {
      expect(list.searchable).toEqual(list.display.map(searchable));
    }
  });

  it('given names joined by a space, when made searchable, then the result is the searchable parts joined by a space (what the SQL concatenates)', () => {
    expect(searchableText('Zoë Ñúñez')).toBe(`${searchable('Zoë')} ${searchable('Ñúñez')}`);
    expect(searchable(`${FIRST_NAMES.display[2]} ${LAST_NAMES.display[2]}`)).toBe(`${FIRST_NAMES.searchable[2]} ${LAST_NAMES.searchable[2]}`);
  });

  it('given names with accents, apostrophes and spaces, when made an e-mail local part, then only ASCII letters and digits are left', () => {
    expect(emailLocalPart("O'Brien")).toBe('obrien');
    expect(emailLocalPart('de Vries')).toBe('devries');
    expect(emailLocalPart('Łęcki')).toMatch(/^[a-z]+$/);
    for (const name of [...FIRST_NAMES.display, ...LAST_NAMES.display, ...COMPANY_WORDS.display]) expect(emailLocalPart(name)).toMatch(/^[a-z0-9]+$/);
  });

  it.each(PHONE_PLANS.map((plan) => [plan.prefix, plan]))(
    'given the plan %s, when its lowest and highest numbers are parsed as the engine does, then their keys are keyPrefix + digits',
    (_prefix, plan) => {
      for (const digits of ['0'.repeat(plan.digits), '9'.repeat(plan.digits), '1234567890'.slice(0, plan.digits)]) {
        // Any region: the numbers carry their country code.
        expect(phoneKey(`${plan.prefix}${digits}`, 'DE')).toBe(`${plan.keyPrefix}${digits}`);
        expect(phoneKey(`${plan.prefix}${digits}`, 'US')).toBe(`${plan.keyPrefix}${digits}`);
      }
    },
  );
});
