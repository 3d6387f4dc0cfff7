import { InstanceBusinessKeys } from './instance-business-keys.js';

describe('InstanceBusinessKeys', () => {
  it('answers what it learnt, a missing key included, and names the instances it does not know', () => {
    const keys = new InstanceBusinessKeys();
    keys.remember('a', 'lead:1');
    keys.remember('b', null);
    const { known, unknown } = keys.lookUp(['a', 'b', 'c']);
    expect([...known]).toEqual([
      ['a', 'lead:1'],
      ['b', null],
    ]);
    expect(unknown).toEqual(['c']);
  });

  it('stays bounded, forgetting the oldest half when full', () => {
    const keys = new InstanceBusinessKeys();
    for (let i = 0; i < 20_001; i++) keys.remember(`i${i}`, null);
    expect(keys.lookUp(['i0']).unknown).toEqual(['i0']);
    expect(keys.lookUp(['i20000']).unknown).toEqual([]);
  });
});
