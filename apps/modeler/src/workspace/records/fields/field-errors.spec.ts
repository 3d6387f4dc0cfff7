import { ApiError } from '../../../app/api/api-error';
import { fieldErrorsOf } from './field-errors';

describe('fieldErrorsOf', () => {
  it('puts each problem of a 400 under its field, custom fields apart, the rest as lines', () => {
    const error = new ApiError(400, 'bad_request', 'emails.0 must be an e-mail address', [
      { path: 'emails.0', message: 'must be an e-mail address' },
      { path: 'title', message: 'must be at most 200 characters' },
      { path: 'custom.segment', message: 'must be one of "smb", "enterprise"' },
      { path: 'pinned', message: 'is not allowed' },
    ]);
    expect(fieldErrorsOf(error, ['title', 'emails'])).toEqual({
      fields: { emails: ['must be an e-mail address'], title: ['must be at most 200 characters'] },
      custom: [{ path: 'segment', message: 'must be one of "smb", "enterprise"' }],
      other: ['pinned: is not allowed'],
    });
  });

  it('finds no field problems in other errors', () => {
    expect(fieldErrorsOf(new ApiError(409, 'conflict', 'changed meanwhile'), ['title'])).toEqual({ fields: {}, custom: [], other: [] });
    expect(fieldErrorsOf(new Error('x'), ['title']).fields).toEqual({});
  });
});
