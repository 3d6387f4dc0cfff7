// The sales organisation the generated records belong to, made through the engine's own API (as an
// administrator would): teams, one manager and several sellers in each. Their ids are what the
// generated rows' owner_id and team_id name, and the bench logs in as some of them.
import { EngineApi } from '../http/engine-api.js';
import type { HttpClient } from '../http/http-client.js';
import type { ScalePeople } from './crm-scale-sql.js';

export const SCALE_TEAMS = ['North', 'South', 'East', 'West', 'Iberia', 'DACH', 'France', 'Nordics', 'Benelux', 'Poland'];
export const SELLERS_PER_TEAM = 8;

export interface ScaleUser {
  username: string;
  password: string;
  id: string;
  teamId: string;
}

export interface ScaleOrganisation extends ScalePeople {
  managers: ScaleUser[];
  sellerUsers: ScaleUser[];
}

function idOf(body: unknown, what: string): string {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') throw new Error(`${what}: no id in ${JSON.stringify(body).slice(0, 200)}`);
  return id;
}

/** Creates the teams and users as the administrator `http` is authorized as. */
export async function createSalesOrganisation(http: HttpClient): Promise<ScaleOrganisation> {
  const managers: ScaleUser[] = [];
  const sellerUsers: ScaleUser[] = [];
  const teams: string[] = [];
  for (const name of SCALE_TEAMS) {
    const teamId = idOf((await http.send('POST', '/api/v1/teams', { name })).body, `team ${name}`);
    teams.push(teamId);
    const user = async (username: string, roles: string[]): Promise<ScaleUser> => {
      const password = `${username}-bench-password`;
      const { body } = await http.send('POST', '/api/v1/users', { username, password, roles, teamIds: [teamId] });
      return { username, password, id: idOf(body, `user ${username}`), teamId };
    };
    const team = name.toLowerCase();
    managers.push(await user(`manager-${team}`, ['manager']));
    for (let n = 1; n <= SELLERS_PER_TEAM; n++) sellerUsers.push(await user(`seller-${team}-${n}`, ['seller']));
  }
  return { teams, managers, sellerUsers, sellers: sellerUsers.map((seller) => seller.id), sellerTeams: sellerUsers.map((seller) => seller.teamId) };
}

/** A client of the engine logged in as `user`. */
export async function loginAs(api: EngineApi, user: Pick<ScaleUser, 'username' | 'password'>): Promise<string> {
  return api.login(user.username, user.password);
}
