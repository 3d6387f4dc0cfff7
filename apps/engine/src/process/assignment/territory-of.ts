// The territory a piece of work carries: a territory key (`"DACH"`) or a territory rule set's
// result (`{ "territory": "DACH", "team"?: ..., "owner"?: ... }`). Anything else means none.

export interface WorkTerritory {
  key: string;
  /** Team and owner as the rule result gave them: they win over the territory record's. */
  team?: string;
  owner?: string;
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function territoryOf(value: unknown): WorkTerritory | undefined {
  const key = nonEmpty(value);
  if (key !== undefined) return { key };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const result = value as Record<string, unknown>;
  const territory = nonEmpty(result.territory);
  if (territory === undefined) return undefined;
  const work: WorkTerritory = { key: territory };
  const team = nonEmpty(result.team);
  const owner = nonEmpty(result.owner);
  if (team !== undefined) work.team = team;
  if (owner !== undefined) work.owner = owner;
  return work;
}
