// Not an entity any more (incidents are read and written by IncidentsRepository): the type stays
// here only for instance-commands.service.ts, which imports it from this path; it moves to
// incidents/incident.row.ts when that file is next edited.
export type { IncidentKind } from '../incidents/incident.row.js';
