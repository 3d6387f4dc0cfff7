// The @mentions of a comment: `@username` at the start or after a character that is no letter,
// digit or `@` (so an e-mail address mentions nobody), letters, digits, `.`, `_` and `-`, a
// trailing dot or dash being punctuation. Each name once, in the order written; at most 20.
const MENTION = /(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}_][\p{L}\p{N}_.-]{0,199})/gu;
export const MAX_MENTIONS = 20;

export function mentionsIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const name = match[1]!.replace(/[.-]+$/, '');
    if (name.length > 0) names.add(name);
    if (names.size === MAX_MENTIONS) break;
  }
  return [...names];
}
