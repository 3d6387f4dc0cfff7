import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { uploadError } from './multipart-upload.interceptor.js';

describe('uploadError', () => {
  it('answers a file over the size limit with 413, as multer did', () => {
    expect(uploadError(Object.assign(new Error('request file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' }))).toBeInstanceOf(PayloadTooLargeException);
  });

  it.each(['FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT'])('answers the count limit %s with 400, as multer did', (code) => {
    expect(uploadError(Object.assign(new Error('limit'), { code }))).toBeInstanceOf(BadRequestException);
  });

  it('answers a malformed upload with 400 naming the cause, never a 500', () => {
    const error = uploadError(new Error('Unexpected end of form'));
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toContain('Unexpected end of form');
  });
});
