import { fieldsRead, recordFacts, territoryMayChange } from './record-territory.js';

const FIELDS = ['name', 'industry', 'category', 'ownerId', 'territory', 'custom'];

describe('recordFacts', () => {
  it('given a record view, when made facts, then each field is a fact, and the record and its type are too', () => {
    const view = { id: 'r1', name: 'Acme', industry: 'retail', custom: { segment: 'smb' } };
    expect(recordFacts('organization', view)).toEqual({ ...view, record: view, recordType: 'organization' });
  });
});

describe('fieldsRead', () => {
  it('given plain facts, record paths and facts of no field, when read, then only the record fields they name are read', () => {
    const read = fieldsRead(
      [
        { fact: 'industry' },
        { fact: 'record', path: '$.custom.segment' },
        { fact: 'record', path: '$.category' },
        { fact: 'recordType' },
        { fact: '$now' },
        { fact: 'country' },
      ],
      FIELDS,
    );
    expect(read).toEqual(new Set(['industry', 'custom', 'category']));
  });

  it('given a list path, when read, then the list field is read', () => {
    expect(fieldsRead([{ fact: 'record', path: '$.addresses[0].country' }], FIELDS)).toEqual(new Set(['addresses']));
  });

  it('given the whole record without a path, when read, then every field is read', () => {
    expect(fieldsRead([{ fact: 'industry' }, { fact: 'record' }], FIELDS)).toBe('all');
  });
});

describe('territoryMayChange', () => {
  const reads = [{ fact: 'industry' }, { fact: 'record', path: '$.custom.country' }];

  it.each([
    [['industry'], true],
    [['name', 'custom'], true],
    [['name', 'category'], false],
    [[], false],
  ])('given a write that changed %j, when asked, then %s', (changed, expected) => {
    expect(territoryMayChange(reads, FIELDS, changed)).toBe(expected);
  });

  it('given no territory rule set (nothing read), when anything changes, then nothing can move', () => {
    expect(territoryMayChange([], FIELDS, ['industry'])).toBe(false);
  });

  it('given a set that reads the whole record, when any field changes, then it may move', () => {
    expect(territoryMayChange([{ fact: 'record' }], FIELDS, ['name'])).toBe(true);
  });
});
