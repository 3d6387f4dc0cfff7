import { parseDocumentMarkup } from './document-markup.js';

describe('parseDocumentMarkup', () => {
  it('reads headings, text lines kept together up to a blank line, rules and tables with their header', () => {
    const source = [
      '# Offer: Fleet',
      '',
      'Dear client,',
      'as agreed.',
      '',
      'Second paragraph',
      '## Products',
      '| Product | Qty |',
      '|---|---:|',
      '| Tracker | 40 |',
      '| Service | 1 |',
      '',
      '| Other | table |',
      '---',
      'Total: 12000 EUR',
    ].join('\r\n');
    expect(parseDocumentMarkup(source)).toEqual([
      { kind: 'title', text: 'Offer: Fleet' },
      { kind: 'text', lines: ['Dear client,', 'as agreed.'] },
      { kind: 'text', lines: ['Second paragraph'] },
      { kind: 'heading', text: 'Products' },
      {
        kind: 'table',
        header: ['Product', 'Qty'],
        rows: [
          ['Tracker', '40'],
          ['Service', '1'],
        ],
      },
      { kind: 'table', header: ['Other', 'table'], rows: [] },
      { kind: 'rule' },
      { kind: 'text', lines: ['Total: 12000 EUR'] },
    ]);
  });

  it('reads a line that merely contains # or | as text', () => {
    expect(parseDocumentMarkup('Order #12 | urgent\n#nospace')).toEqual([{ kind: 'text', lines: ['Order #12 | urgent', '#nospace'] }]);
  });

  it('answers no blocks for empty text', () => {
    expect(parseDocumentMarkup('\n \n')).toEqual([]);
  });
});
