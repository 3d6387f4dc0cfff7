import { attachmentDisposition, contentKindOf, safeFileName } from './attachment-content.js';
import { SAMPLE_FILES } from './sample-files.testing.js';

describe('contentKindOf', () => {
  it.each([
    ['pdf', 'offer.pdf', 'application/pdf'],
    ['png', 'logo.png', 'image/png'],
    ['jpeg', 'photo.jpg', 'image/jpeg'],
    ['gif', 'a.gif', 'image/gif'],
    ['webp', 'a.webp', 'image/webp'],
    ['docx', 'contract.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'prices.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', 'pitch.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['odt', 'nda.odt', 'application/vnd.oasis.opendocument.text'],
    ['csv', 'leads.csv', 'text/csv; charset=utf-8'],
    ['text', 'notes.txt', 'text/plain; charset=utf-8'],
  ] as const)('tells %s from its bytes', async (sample, name, mime) => {
    expect((await contentKindOf(SAMPLE_FILES[sample], name))?.mime).toBe(mime);
  });

  it('goes by the bytes, not the name: a PDF called .txt is a PDF, a text called .pdf is text', async () => {
    expect((await contentKindOf(SAMPLE_FILES.pdf, 'notes.txt'))?.mime).toBe('application/pdf');
    expect((await contentKindOf(SAMPLE_FILES.text, 'offer.pdf'))?.mime).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['an executable named .pdf', 'exe', 'offer.pdf'],
    ['a plain ZIP archive named .docx', 'zip', 'contract.docx'],
    ['binary bytes', 'binary', 'data.csv'],
    ['text that is not UTF-8', 'latin1Text', 'notes.txt'],
  ] as const)('refuses %s', async (_what, sample, name) => {
    expect(await contentKindOf(SAMPLE_FILES[sample], name)).toBeUndefined();
  });
});

describe('safeFileName', () => {
  const pdf = { mime: 'application/pdf', extensions: ['.pdf'] };

  it('keeps the last path segment without characters file systems or headers refuse', () => {
    expect(safeFileName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\nora\\Offer <v2>.pdf', pdf)).toBe('Offer _v2_.pdf');
    expect(safeFileName('new\r\nline\u202e.pdf', pdf)).toBe('new__line_.pdf');
    expect(safeFileName('...hidden.pdf', pdf)).toBe('hidden.pdf');
  });

  it('ends the name as the content is', () => {
    expect(safeFileName('offer.exe', pdf)).toBe('offer.exe.pdf');
    expect(safeFileName('', pdf)).toBe('attachment.pdf');
    expect(safeFileName('Angebot Müller.PDF', pdf)).toBe('Angebot Müller.PDF');
  });

  it('shortens a long name to 200 characters, keeping its ending', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`, pdf);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Angebot Müller "final".pdf')).toBe(
      `attachment; filename="Angebot Muller _final_.pdf"; filename*=UTF-8''Angebot%20M%C3%BCller%20%22final%22.pdf`,
    );
  });
});
