// Lays out a document's markup (document-markup.ts) as an A4 PDF with pdfkit (maintained, pure
// JavaScript, no native code; its 14 standard fonts are built in, so nothing is read from disk
// but pdfkit's own font metrics). Helvetica in the standard fonts' WinAnsi encoding: Western
// European text and the € sign print as written; characters outside it do not.
import PDFDocument from 'pdfkit';
import { parseDocumentMarkup, type DocumentBlock } from './document-markup.js';

const BODY = 10.5;

export async function renderDocumentPdf(source: string, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Stageflow' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const block of parseDocumentMarkup(source)) write(doc, block);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function write(doc: PDFKit.PDFDocument, block: DocumentBlock): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const x = doc.page.margins.left;
  switch (block.kind) {
    case 'title':
      doc.font('Helvetica-Bold').fontSize(20).text(block.text, x, undefined, { width }).moveDown(0.6);
      return;
    case 'heading':
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(14).text(block.text, x, undefined, { width }).moveDown(0.3);
      return;
    case 'text':
      doc.font('Helvetica').fontSize(BODY).text(block.lines.join('\n'), x, undefined, { width }).moveDown(0.6);
      return;
    case 'rule': {
      const y = doc.y + 4;
      doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.5)
        .stroke();
      doc.y = y + 8;
      return;
    }
    case 'table': {
      const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
      const pad = (row: string[]): string[] => [...row, ...Array<string>(columns - row.length).fill('')];
      doc.font('Helvetica').fontSize(BODY);
      doc.table({
        position: { x, y: doc.y },
        maxWidth: width,
        defaultStyle: { padding: 4, border: 0.5 },
        data: [pad(block.header).map((text) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' } })), ...block.rows.map(pad)],
      });
      doc.x = x;
      doc.moveDown(0.6);
      return;
    }
  }
}
