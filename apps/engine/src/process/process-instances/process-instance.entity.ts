// Not an entity any more (process_instances is read by ProcessInstancesRepository): the type stays
// here only for instance-commands.service.ts, which imports it from this path; it moves to
// process-instance.row.ts when that file is next edited.
export type { InstanceStatusValue } from './process-instance.row.js';
