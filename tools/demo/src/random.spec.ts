import { Random, spread } from './random.js';

describe('Random', () => {
  it('when two sources have the same seed then they give the same sequence, and another seed another one', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('when integers are drawn then they stay within the bounds and reach both ends', () => {
    const random = new Random(1);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('when a list is shuffled then it holds the same items', () => {
    const shuffled = new Random(3).shuffle([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('spread', () => {
  it('when a total is spread by shares then the counts add up to the total and follow the shares', () => {
    const stages = spread(120, { a: 2, b: 2, c: 1, d: 1 });
    expect(stages).toHaveLength(120);
    expect(stages.filter((stage) => stage === 'a')).toHaveLength(40);
    expect(stages.filter((stage) => stage === 'c')).toHaveLength(20);
    expect(stages.filter((stage) => stage === 'd')).toHaveLength(20);
  });

  it('when rounding leaves a remainder then the last share takes it', () => {
    const items = spread(10, { a: 1, b: 1, c: 1 });
    expect(items.filter((item) => item === 'c')).toHaveLength(4);
  });
});
