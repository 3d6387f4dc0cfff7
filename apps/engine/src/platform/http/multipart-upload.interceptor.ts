// Reads a multipart/form-data upload (via @fastify/multipart) before the handler runs: the files
// ({originalname, buffer}) are what @UploadedResources() gives the handler, the text fields
// become `request.body`. Limits and their answers are those the API had with multer: a file over
// `fileSize` is 413, too many files or fields (or a malformed upload) 400. A request that is not
// multipart passes through untouched.
import {
  BadRequestException,
  createParamDecorator,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { Invalid } from '../errors/domain-errors.js';
import { assertStorableText, assertUtf8 } from './storable-text.js';

export interface UploadLimits {
  fileSize: number;
  files: number;
  fields: number;
  /** Every file is text (diagrams, rule sets, templates): refused unless UTF-8 without NUL characters. */
  textFiles?: boolean;
}

export interface UploadedResource {
  originalname: string;
  buffer: Buffer;
}

const UPLOADED = Symbol('stageflow.uploadedResources');

type UploadRequest = FastifyRequest & { [UPLOADED]?: UploadedResource[] };

/** The files of a multipart upload read by MultipartUploadInterceptor; undefined for other requests. */
export const UploadedResources = createParamDecorator((_data: unknown, context: ExecutionContext): UploadedResource[] | undefined => {
  return context.switchToHttp().getRequest<UploadRequest>()[UPLOADED];
});

/** The API error for a failed read of the upload. */
export function uploadError(error: unknown): Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeException('File too large');
  if (code === 'FST_FILES_LIMIT') return new BadRequestException('Too many files');
  if (code === 'FST_FIELDS_LIMIT') return new BadRequestException('Too many fields');
  if (code === 'FST_PARTS_LIMIT') return new BadRequestException('Too many parts');
  return new BadRequestException(`the multipart upload cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}

/** A text file's bytes: UTF-8 (refused, not repaired) with no NUL character. */
function checkTextFile(file: UploadedResource): void {
  assertUtf8(file.buffer, `file ${file.originalname}`);
  if (file.buffer.includes(0)) {
    throw new Invalid(`file ${file.originalname} must not contain the NUL character (U+0000)`, [
      { in: 'multipart', path: file.originalname, message: 'must not contain the NUL character (U+0000)' },
    ]);
  }
}

@Injectable()
export class MultipartUploadInterceptor implements NestInterceptor {
  private readonly readLimits: Omit<UploadLimits, 'textFiles'>;

  constructor(private readonly limits: UploadLimits) {
    this.readLimits = { fileSize: limits.fileSize, files: limits.files, fields: limits.fields };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    if (typeof request.isMultipart === 'function' && request.isMultipart()) {
      const fields: Record<string, unknown> = {};
      const files: UploadedResource[] = [];
      try {
        for await (const part of request.parts({ limits: this.readLimits })) {
          if (part.type === 'file') files.push({ originalname: part.filename, buffer: await part.toBuffer() });
          else fields[part.fieldname] = part.value;
        }
      } catch (error) {
        throw uploadError(error);
      }
      // Names and text reach the database: refused here when it could not store them (storable-text.ts).
      assertStorableText(fields, 'multipart');
      for (const file of files) {
        assertStorableText(file.originalname, 'multipart file name');
        if (this.limits.textFiles) checkTextFile(file);
      }
      request.body = fields;
      request[UPLOADED] = files;
    }
    return next.handle();
  }
}
