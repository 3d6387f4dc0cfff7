import { issuesToErrorSchema, pathSegments } from './issues-error-schema';

describe('parameter issues as an rjsf error schema', () => {
  it('given paths of fields, list items and nested objects, then the segments', () => {
    expect(pathSegments('slaHours')).toEqual(['slaHours']);
    expect(pathSegments('stages[2]')).toEqual(['stages', '2']);
    expect(pathSegments('limits.max')).toEqual(['limits', 'max']);
    expect(pathSegments('a.b[0].c')).toEqual(['a', 'b', '0', 'c']);
    expect(pathSegments('')).toEqual([]);
  });

  it('given issues, then each message sits under its field, several on one field kept, the whole body on the root', () => {
    expect(
      issuesToErrorSchema([
        { path: 'slaHours', message: 'must be >= 1' },
        { path: 'slaHours', message: 'must be an integer' },
        { path: 'stages[2]', message: 'must be a string' },
        { path: '', message: 'must be an object' },
      ]),
    ).toEqual({
      slaHours: { __errors: ['must be >= 1', 'must be an integer'] },
      stages: { 2: { __errors: ['must be a string'] } },
      __errors: ['must be an object'],
    });
  });
});
