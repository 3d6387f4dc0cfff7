// The multipart reader of attachment uploads: one file of at most STAGEFLOW_ATTACHMENT_MAX_BYTES
// (larger: 413 while it streams in), binary allowed — its kind is checked from the bytes after.
import { Inject, Injectable } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { MultipartUploadInterceptor } from '../../platform/http/multipart-upload.interceptor.js';

@Injectable()
export class AttachmentUploadInterceptor extends MultipartUploadInterceptor {
  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    super({ fileSize: config.attachmentMaxBytes, files: 1, fields: 5, textFiles: false });
  }
}
