// The instance a record action runs for, as the action needs it: the process key (named in the
// records' history) and the record it is about (its business key `<type>:<id>`), if any.
import { RECORD_TYPES, type RecordTypeDefinition } from '@stageflow/api-contract';
import type { ProcessEngine } from '../../process/index.js';
import { recordOf } from '../record-processes/record-process-link.js';

export interface InstanceRecord {
  processKey: string;
  businessKey: string | null;
  record?: { type: RecordTypeDefinition; id: string };
}

export async function instanceRecord(engine: Pick<ProcessEngine, 'instanceOf'>, processInstanceId: string): Promise<InstanceRecord | undefined> {
  const instance = await engine.instanceOf(processInstanceId);
  if (!instance) return undefined;
  const named = recordOf(instance.businessKey);
  return {
    processKey: instance.definitionKey,
    businessKey: instance.businessKey,
    ...(named ? { record: { type: RECORD_TYPES[named.type], id: named.id } } : {}),
  };
}

/** A business key `<type>:<id>` as a record, or undefined when it names none. */
export function namedRecord(businessKey: string): { type: RecordTypeDefinition; id: string } | undefined {
  const named = recordOf(businessKey.trim());
  return named ? { type: RECORD_TYPES[named.type], id: named.id } : undefined;
}
