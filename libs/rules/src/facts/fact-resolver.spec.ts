import { chainFactResolvers, variablesFactResolver } from './fact-resolver.js';

describe('fact resolvers', () => {
  describe('given process variables', () => {
    it('when a fact is a variable then its value is the fact', () => {
      expect(variablesFactResolver({ country: 'DE', employees: 12 }).resolve('employees')).toBe(12);
    });

    it('when a fact is missing or only inherited then it is undefined', () => {
      const resolver = variablesFactResolver({ country: 'DE' });
      expect(resolver.resolve('revenue')).toBeUndefined();
      expect(resolver.resolve('toString')).toBeUndefined();
    });
  });

  describe('given a chain of sources', () => {
    it('when the first source lacks a fact then the next one answers', () => {
      const chain = chainFactResolvers(variablesFactResolver({ country: 'DE' }), variablesFactResolver({ country: 'AT', tier: 'gold' }));
      expect(chain.resolve('country')).toBe('DE');
      expect(chain.resolve('tier')).toBe('gold');
      expect(chain.resolve('none')).toBeUndefined();
    });
  });
});
