import { pdfPageText } from './document-pdf.testing.js';
import { renderDocumentPdf } from './document-pdf.js';

describe('renderDocumentPdf', () => {
  it('makes a PDF whose pages draw the headings, text and table cells of the markup, titled as given', async () => {
    const pdf = await renderDocumentPdf('# Offer: Fleet\n\nDear client\n\n| Product | Qty |\n| Tracker | 40 |', 'Offer Fleet');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('(Offer Fleet)');
    expect(pdfPageText(pdf).split('\n')).toEqual(['Offer: Fleet', 'Dear client', 'Product', 'Qty', 'Tracker', '40']);
  });

  it('makes a valid one-page PDF of an empty text', async () => {
    const pdf = await renderDocumentPdf('', 'Empty');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/%%EOF\s*$/);
  });
});
