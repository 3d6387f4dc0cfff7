// The port through which the e-mail delivery reads the files a mail carries. The outbox stores
// only attachment ids; their bytes live with whoever owns them (the CRM's attachments), which
// registers a source at start-up, so platform/ knows nothing of crm/ (the module borders).
import { Injectable } from '@nestjs/common';
import { PermanentJobFailure } from '../../jobs/permanent-job-failure.js';

export interface EmailAttachmentFile {
  id: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Answers the files of those ids that exist (in any order); an id it does not know is left out. */
export type EmailAttachmentSource = (ids: readonly string[]) => Promise<EmailAttachmentFile[]>;

@Injectable()
export class EmailAttachments {
  private source?: EmailAttachmentSource;

  register(source: EmailAttachmentSource): void {
    this.source = source;
  }

  /**
   * The files of `ids`, in their order. A file that is gone (deleted after the mail was queued)
   * fails the mail for good: no retry brings it back, and a mail without the file it announces
   * is worse than none.
   */
  async read(ids: readonly string[]): Promise<EmailAttachmentFile[]> {
    if (ids.length === 0) return [];
    if (!this.source) throw new Error('no e-mail attachment source is registered: the mail waits for a node that has one');
    const found = new Map((await this.source(ids)).map((file) => [file.id, file]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new PermanentJobFailure(`the attachment(s) ${missing.join(', ')} no longer exist`);
    return ids.map((id) => found.get(id)!);
  }
}
