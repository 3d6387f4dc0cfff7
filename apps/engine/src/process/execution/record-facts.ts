// The record an instance is about, for the interpreter (`record.*` in FEEL and rule sets): read
// fresh before each command from whoever owns records — the CRM provides the port through
// ProcessEngine.provideRecordFacts, so that process/ never imports it. Without a provider (or for an
// instance without a business key) nothing is read and commands pay nothing.
import { Injectable } from '@nestjs/common';

export interface RecordFactsPort {
  /** The fields of the record `businessKey` names, or undefined when it names none. */
  factsOf(businessKey: string): Promise<Record<string, unknown> | undefined>;
}

@Injectable()
export class RecordFacts {
  private port: RecordFactsPort | undefined;

  provide(port: RecordFactsPort): void {
    if (this.port) throw new Error('a record-facts port is already provided');
    this.port = port;
  }

  /** True when a command must read its record (then call `of`). */
  wanted(businessKey: string | null | undefined): businessKey is string {
    return this.port !== undefined && typeof businessKey === 'string' && businessKey.length > 0;
  }

  async of(businessKey: string): Promise<Record<string, unknown> | undefined> {
    return this.port?.factsOf(businessKey);
  }
}
