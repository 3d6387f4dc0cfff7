import { insertMention, mentionAt } from './mention-at';

describe('mentionAt', () => {
  it('finds the name typed after an @ at the start or after a space', () => {
    expect(mentionAt('@ma', 3)).toEqual({ start: 0, prefix: 'ma' });
    expect(mentionAt('thanks @', 8)).toEqual({ start: 7, prefix: '' });
    expect(mentionAt('cc (@nora.k', 11)).toEqual({ start: 4, prefix: 'nora.k' });
  });

  it('finds none in an e-mail address, after a space, or before the caret reaches it', () => {
    expect(mentionAt('mail nora@acme', 14)).toBeNull();
    expect(mentionAt('@maria thanks', 13)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
  });
});

describe('insertMention', () => {
  it('completes the name typed so far and puts the caret after it', () => {
    const text = 'ask @ma about it';
    const query = mentionAt(text, 7)!;
    expect(insertMention(text, 7, query, 'maria')).toEqual({ text: 'ask @maria about it', caret: 11 });
  });

  it('replaces the rest of a name the caret stands inside', () => {
    const text = '@mar';
    expect(insertMention(text, 2, mentionAt(text, 2)!, 'mike')).toEqual({ text: '@mike ', caret: 6 });
  });
});
