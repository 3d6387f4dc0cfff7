import { escapeLike } from './like-pattern.js';

describe('escapeLike', () => {
  it('makes the wildcards and the escape character of a text match themselves', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('leaves other text as it is', () => {
    expect(escapeLike('nora.k-1')).toBe('nora.k-1');
  });
});
