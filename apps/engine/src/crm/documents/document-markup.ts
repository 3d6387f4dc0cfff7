// The small markup a document template renders to (docs/actions.md#createdocument), read into
// blocks that the PDF writer lays out. Deliberately tiny — analysts write it in a .liquid file,
// and every line means what it looks like:
//   `# Title`, `## Heading`        headings
//   `| a | b | c |`                a table row; consecutive rows are one table, the first its header
//                                  (a markdown separator row `|---|---|` is skipped)
//   `---`                          a horizontal rule
//   a blank line                   space between paragraphs
//   any other line                 text, kept as its own line (long lines wrap)
export type DocumentBlock =
  { kind: 'title' | 'heading'; text: string } | { kind: 'text'; lines: string[] } | { kind: 'table'; header: string[]; rows: string[][] } | { kind: 'rule' };

const SEPARATOR_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

export function parseDocumentMarkup(source: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const last = (): DocumentBlock | undefined => blocks[blocks.length - 1];
  let afterBlank = true;
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    const previous = last();
    if (trimmed === '') {
      afterBlank = true;
      continue;
    }
    if (trimmed.startsWith('## ')) blocks.push({ kind: 'heading', text: trimmed.slice(3).trim() });
    else if (trimmed.startsWith('# ')) blocks.push({ kind: 'title', text: trimmed.slice(2).trim() });
    else if (/^-{3,}$/.test(trimmed)) blocks.push({ kind: 'rule' });
    else if (trimmed.startsWith('|')) {
      if (SEPARATOR_ROW.test(trimmed)) continue;
      if (previous?.kind === 'table' && !afterBlank) previous.rows.push(cellsOf(trimmed));
      else blocks.push({ kind: 'table', header: cellsOf(trimmed), rows: [] });
    } else if (previous?.kind === 'text' && !afterBlank) previous.lines.push(line.trim());
    else blocks.push({ kind: 'text', lines: [line.trim()] });
    afterBlank = false;
  }
  return blocks;
}
