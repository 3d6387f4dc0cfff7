// LIKE patterns from user text: the text's own `%`, `_` and `\` match themselves (PostgreSQL's
// default escape character is the backslash).
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
