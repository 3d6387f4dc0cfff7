import { customFieldRecordTypes } from '@stageflow/process-package';
import { RECORD_TYPES } from './record-types.js';

describe('RECORD_TYPES', () => {
  it('then the record types a package may declare custom fields for (process-package, which cannot import this lib) are exactly these', () => {
    expect([...customFieldRecordTypes].sort()).toEqual(Object.keys(RECORD_TYPES).sort());
  });
});
