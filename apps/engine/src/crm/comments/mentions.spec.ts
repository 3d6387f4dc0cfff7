import { mentionsIn } from './mentions.js';

describe('mentionsIn', () => {
  it('finds each @username once, in the order written', () => {
    expect(mentionsIn('@maria please check, and @nils.k too. Thanks @maria!')).toEqual(['maria', 'nils.k']);
  });

  it('takes trailing punctuation as punctuation', () => {
    expect(mentionsIn('Ask @nora. Or (@sam), or @ana-')).toEqual(['nora', 'sam', 'ana']);
  });

  it('mentions nobody in an e-mail address or a lone @', () => {
    expect(mentionsIn('write to nora@acme.example @ noon')).toEqual([]);
  });

  it('reads names in any script', () => {
    expect(mentionsIn('@Émile и @Анна')).toEqual(['Émile', 'Анна']);
  });

  it('stops at 20 names', () => {
    expect(mentionsIn(Array.from({ length: 30 }, (_, i) => `@user${i}`).join(' '))).toHaveLength(20);
  });
});
