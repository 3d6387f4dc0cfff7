// The `teams` table as PostgreSQL answers it, and its view. A team's name is also the candidate
// group its members work.
export interface TeamRow {
  id: string;
  name: string;
  created_at: Date;
}

/** A team row with the usernames of its members (users whose `team_ids` hold it), as the team reads answer it. */
export type TeamWithMembersRow = TeamRow & { members: string[] | null };

export interface TeamView {
  id: string;
  name: string;
  /** Usernames of the members, by name. */
  members: string[];
  createdAt: string;
}

export function toTeamView(row: TeamWithMembersRow): TeamView {
  return { id: row.id, name: row.name, members: row.members ?? [], createdAt: row.created_at.toISOString() };
}
