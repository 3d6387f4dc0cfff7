import { compilePath, pathSegments } from './json-path.js';

describe('the restricted JSONPath of conditions', () => {
  describe('given a path of names and indexes', () => {
    it('then it is split into its steps, indexes of any length included', () => {
      expect(pathSegments('$.address.country')).toEqual(['address', 'country']);
      expect(pathSegments('$.contacts[12].e_mail2')).toEqual(['contacts', '12', 'e_mail2']);
      expect(pathSegments('$[0]')).toEqual(['0']);
    });

    it('when the value has every step then it reads the value at the end', () => {
      const contacts = Array.from({ length: 13 }, (_, i) => ({ name: `c${i}` }));
      expect(compilePath('$.contacts[12].name')({ contacts })).toBe('c12');
      expect(compilePath('$.address.country')({ address: { country: 'DE' } })).toBe('DE');
    });
  });

  describe('given a value that lacks a step', () => {
    it('when a step is missing or only inherited then the result is undefined', () => {
      expect(compilePath('$.address.country')({ address: {} })).toBeUndefined();
      expect(compilePath('$.toString')({})).toBeUndefined();
    });

    it('when the value on the way is null, zero or empty text then the result is undefined instead of an error', () => {
      expect(compilePath('$.address.country')({ address: null })).toBeUndefined();
      expect(compilePath('$.size.length')({ size: 0 })).toBeUndefined();
      expect(compilePath('$.name.length')({ name: '' })).toBeUndefined();
    });

    it('when the value on the way is a non-empty text then its own properties are read like an object’s', () => {
      expect(compilePath('$.name.length')({ name: 'Acme' })).toBe(4);
    });
  });
});
