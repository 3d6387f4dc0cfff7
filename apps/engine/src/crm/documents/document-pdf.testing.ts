// For tests of generated PDFs (unit and API): what the pages of a PDF made by pdfkit draw.
import { inflateSync } from 'node:zlib';

/**
 * The text the pages draw: pdfkit compresses page content and writes each line as a TJ array of
 * hex strings (split where the font kerns), in the standard fonts' WinAnsi codes.
 */
export function pdfPageText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (a font's data): no page text in it
    }
  }
  return [...texts.join('\n').matchAll(/\[([^\]]*)\] TJ/g)]
    .map((drawn) => [...drawn[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}
