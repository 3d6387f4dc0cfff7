import { recordHref, recordTitle, recordTypeFrom } from './record-kinds';

describe('record kinds', () => {
  it('reads a route type by the engine type name or the collection name, and nothing else', () => {
    expect(recordTypeFrom('lead')).toBe('lead');
    expect(recordTypeFrom('opportunities')).toBe('opportunity');
    expect(recordTypeFrom('activity')).toBeUndefined();
    expect(recordTypeFrom('constructor')).toBeUndefined();
    expect(recordTypeFrom(undefined)).toBeUndefined();
  });

  it('links to a record page and to a list', () => {
    expect(recordHref('contact', 'a1')).toBe('/workspace/records/contact/a1');
    expect(recordHref('organization')).toBe('/workspace/records/organization');
  });

  it('names a record by its title fields, leaving out empty ones', () => {
    expect(recordTitle('contact', { firstName: 'Ada', lastName: 'Lovelace' })).toBe('Ada Lovelace');
    expect(recordTitle('contact', { firstName: null, lastName: 'Lovelace' })).toBe('Lovelace');
    expect(recordTitle('lead', { title: '<b>x</b>' })).toBe('<b>x</b>');
  });
});
