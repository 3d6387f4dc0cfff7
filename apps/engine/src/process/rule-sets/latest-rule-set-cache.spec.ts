import { LatestRuleSetCache, type RuleSetRef } from './latest-rule-set-cache.js';

const bant = (version: number): RuleSetRef => ({ key: 'bant', id: `bant-v${version}`, version });
const territories: RuleSetRef = { key: 'territories', id: 'territories-v1', version: 1 };

describe('LatestRuleSetCache', () => {
  it('given nothing read yet, when a command looks up its keys, then the database must be asked', () => {
    expect(new LatestRuleSetCache().lookup(['bant'])).toBeUndefined();
  });

  it('given the keys read at a generation, when a command that saw the same generation looks them up, then the cache answers', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant', 'territories'], [bant(2), territories], false);

    expect(cache.lookup(['bant', 'territories'], 3)).toEqual({ generation: 3, refs: [bant(2), territories], actionsDeployed: false });
  });

  it('given a key with no deployed version, when looked up, then it is known to have none (no query) and left out', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant', 'missing'], [bant(1)], false);

    expect(cache.lookup(['bant', 'missing'], 3)).toEqual({ generation: 3, refs: [bant(1)], actionsDeployed: false });
  });

  it('given a cached version, when a command saw a newer generation (a deploy on any node), then the cache forgets and the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)], false);

    expect(cache.lookup(['bant'], 4)).toBeUndefined();
    cache.store(4, ['bant'], [bant(2)], false);
    expect(cache.lookup(['bant'], 4)).toEqual({ generation: 4, refs: [bant(2)], actionsDeployed: false });
  });

  it('given a newer generation cached, when a command that read before it looks up, then it gets the newer versions', () => {
    const cache = new LatestRuleSetCache();
    cache.store(5, ['bant'], [bant(2)], false);

    expect(cache.lookup(['bant'], 4)).toEqual({ generation: 5, refs: [bant(2)], actionsDeployed: false });
  });

  it('given a read that finished after a newer one was stored, when stored, then the newer versions stay', () => {
    const cache = new LatestRuleSetCache();
    cache.store(5, ['bant'], [bant(2)], false);
    cache.store(4, ['bant'], [bant(1)], false);

    expect(cache.lookup(['bant'])).toEqual({ generation: 5, refs: [bant(2)], actionsDeployed: false });
  });

  it('given a key not read yet at the cached generation, when looked up with one that was, then the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)], false);

    expect(cache.lookup(['bant', 'territories'], 3)).toBeUndefined();
  });

  it('given a newer generation observed (a start refused by its write), when looked up without a generation, then the database must be asked', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, ['bant'], [bant(1)], false);
    cache.observe(4);

    expect(cache.lookup(['bant'])).toBeUndefined();
    expect(cache.generation).toBe(4);
  });

  it('given a process without rule-set keys, when nothing was read at the generation, then the database must be asked (whether actions rule sets exist)', () => {
    expect(new LatestRuleSetCache().lookup([], 0)).toBeUndefined();
  });

  it('given a read that found an actions rule set, when a process without rule-set keys looks up, then the cache says actions are deployed', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, [], [], true);

    expect(cache.lookup([], 3)).toEqual({ generation: 3, refs: [], actionsDeployed: true });
  });

  it('given no actions rule set at a generation, when a newer generation is seen, then whether actions are deployed must be read again', () => {
    const cache = new LatestRuleSetCache();
    cache.store(3, [], [], false);

    expect(cache.lookup([], 4)).toBeUndefined();
  });
});
