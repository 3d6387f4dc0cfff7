import { LatestRuleSetCache, type RuleSetRef } from './latest-rule-set-cache.js';

const bant = (version: number): RuleSetRef => ({ key: 'bant', id: `bant-v${version}`, version });
const territories: RuleSetRef = { key: 'territories', id: 'territories-v1', version: 1 };

describe('LatestRuleSetCache', () => {
  it('given nothing read yet, when a command looks up its keys, then the database must be asked', () => {
    expect(new LatestRuleSetCache().lookup(['bant'])).toBeUndefined();
  });

  it('given the keys read at a generation, when a command that saw the same generation looks them up, then the cache answers', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant', 'territories'], [bant(2), territories]);

    expect(cache.lookup(['bant', 'territories'], 3)).toEqual({ generation: 3, refs: [bant(2), territories] });
  });

  it('given a key with no deployed version, when looked up, then it is known to have none (no query) and left out', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant', 'missing'], [bant(1)]);

    expect(cache.lookup(['bant', 'missing'], 3)).toEqual({ generation: 3, refs: [bant(1)] });
  });

  it('given a cached version, when a command saw a newer generation (a deploy on any node), then the cache forgets and the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)]);

    expect(cache.lookup(['bant'], 4)).toBeUndefined();
    cache.store(4, ['bant'], [bant(2)]);
    expect(cache.lookup(['bant'], 4)).toEqual({ generation: 4, refs: [bant(2)] });
  });

  it('given a newer generation cached, when a command that read before it looks up, then it gets the newer versions', () => {
    const cache = new LatestRuleSetCache();
    cache.store(5, ['bant'], [bant(2)]);

    expect(cache.lookup(['bant'], 4)).toEqual({ generation: 5, refs: [bant(2)] });
  });

  it('given a read that finished after a newer one was stored, when stored, then the newer versions stay', () => {
    const cache = new LatestRuleSetCache();
    cache.store(5, ['bant'], [bant(2)]);
    cache.store(4, ['bant'], [bant(1)]);

    expect(cache.lookup(['bant'])).toEqual({ generation: 5, refs: [bant(2)] });
  });

  it('given a key not read yet at the cached generation, when looked up with one that was, then the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)]);

    expect(cache.lookup(['bant', 'territories'], 3)).toBeUndefined();
  });

  it('given a newer generation observed (a start refused by its write), when looked up without a generation, then the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)]);
    cache.observe(4);

    expect(cache.lookup(['bant'])).toBeUndefined();
    expect(cache.generation).toBe(4);
  });
});
