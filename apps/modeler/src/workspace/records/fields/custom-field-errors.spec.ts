import { customErrorSchema } from './custom-field-errors';

describe('customErrorSchema', () => {
  it('puts each problem under its field, items of a list under their index, the object as a whole at the root', () => {
    expect(
      customErrorSchema([
        { path: 'segment', message: 'must be one of "smb", "enterprise"' },
        { path: 'tags.1', message: 'must be a string' },
        { path: 'tags[2]', message: 'must be a string' },
        { path: '', message: 'must have required property segment' },
      ]),
    ).toEqual({
      segment: { __errors: ['must be one of "smb", "enterprise"'] },
      tags: { 1: { __errors: ['must be a string'] }, 2: { __errors: ['must be a string'] } },
      __errors: ['must have required property segment'],
    });
  });
});
