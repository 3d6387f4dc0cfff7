// `territories`: the row as TerritoriesRepository reads it (with its team's name), and its view.

export interface TerritoryRow {
  key: string;
  name: string;
  team_id: string | null;
  /** The team's name (from `teams`), or null. */
  team: string | null;
  default_owner: string | null;
  /** Keys of the territory's `actions` rule sets. */
  actions: string[];
  created_at: Date;
  updated_at: Date;
}

export interface TerritoryView {
  key: string;
  name: string;
  /** The team's name (its candidate group), or null. */
  team: string | null;
  teamId: string | null;
  /** Username of the default owner, or null. */
  defaultOwner: string | null;
  /** Keys of the territory's `actions` rule sets. */
  actions: string[];
  createdAt: string;
  updatedAt: string;
}

export function territoryViewOf(row: TerritoryRow): TerritoryView {
  return {
    key: row.key,
    name: row.name,
    team: row.team,
    teamId: row.team_id,
    defaultOwner: row.default_owner,
    actions: row.actions,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
