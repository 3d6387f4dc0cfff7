// The @mention being typed at the caret, as the engine reads mentions (crm/comments/mentions.ts):
// `@` at the start or after a character that is no letter, digit, `_`, `.`, `@` or `-` (an e-mail
// address mentions nobody), then letters, digits, `_`, `.` and `-`.
export interface MentionQuery {
  /** Where the `@` stands. */
  start: number;
  /** What is typed after it, up to the caret. */
  prefix: string;
}

const NAME_BEFORE_CARET = /@([\p{L}\p{N}_.-]{0,200})$/u;
const NOT_BEFORE_AT = /[\p{L}\p{N}_.@-]/u;

export function mentionAt(text: string, caret: number): MentionQuery | null {
  const match = NAME_BEFORE_CARET.exec(text.slice(0, caret));
  if (!match) return null;
  const start = caret - match[0].length;
  if (start > 0 && NOT_BEFORE_AT.test(text[start - 1]!)) return null;
  return { start, prefix: match[1]! };
}

/** The text with the mention at `query` completed to `@username ` and where the caret goes after it. */
export function insertMention(text: string, caret: number, query: MentionQuery, username: string): { text: string; caret: number } {
  const inserted = `@${username} `;
  const after = text
    .slice(caret)
    .replace(/^[\p{L}\p{N}_.-]*/u, '')
    .replace(/^ /, '');
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}
