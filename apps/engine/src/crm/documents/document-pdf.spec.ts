import { inflateSync } from 'node:zlib';
import { renderDocumentPdf } from './document-pdf.js';

/**
 * The text the pages draw: pdfkit compresses page content and writes each line as a TJ array of
 * hex strings (split where the font kerns), in the standard fonts' WinAnsi codes.
 */
function pageText(pdf: Buffer): string {
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

describe('renderDocumentPdf', () => {
  it('makes a PDF whose pages draw the headings, text and table cells of the markup, titled as given', async () => {
    const pdf = await renderDocumentPdf('# Offer: Fleet\n\nDear client\n\n| Product | Qty |\n| Tracker | 40 |', 'Offer Fleet');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('(Offer Fleet)');
    expect(pageText(pdf).split('\n')).toEqual(['Offer: Fleet', 'Dear client', 'Product', 'Qty', 'Tracker', '40']);
  });

  it('makes a valid one-page PDF of an empty text', async () => {
    const pdf = await renderDocumentPdf('', 'Empty');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/%%EOF\s*$/);
  });
});
