import { territoryOf } from './territory-of.js';

describe('territoryOf', () => {
  it('given a territory key, when read, then it is the territory without team or owner', () => {
    expect(territoryOf('DACH')).toEqual({ key: 'DACH' });
  });

  it('given a territory rule result, when read, then its team and owner come with it', () => {
    expect(territoryOf({ territory: 'DACH', team: 'dach', owner: 'anna', actions: ['welcome'] })).toEqual({ key: 'DACH', team: 'dach', owner: 'anna' });
  });

  it.each([[undefined], [null], [''], [42], [['DACH']], [{ team: 'dach' }], [{ territory: '' }]])(
    'given %j, when read, then there is no territory',
    (value) => {
      expect(territoryOf(value)).toBeUndefined();
    },
  );
});
