// territoryOwner: the owner of the lead's territory. The owner comes from the territory rule
// set's result when it names one, else from the territory record's default owner (the engine
// resolves that and says which in `ownerFrom`); it must be an existing user.
import type { AssignmentCandidate, AssignmentChoice } from './assignment.types.js';

export interface TerritoryOwnerInput {
  /** The territory the work belongs to, when known. */
  territory?: string;
  /** Its owner's username, when the territory has one. */
  owner?: string;
  ownerFrom?: 'rule result' | 'territory record';
  /** The users that exist among the owner: empty when the owner is not a user. */
  candidates: readonly AssignmentCandidate[];
}

export function territoryOwner(input: TerritoryOwnerInput): AssignmentChoice {
  if (input.territory === undefined) return { assignee: null, reason: 'territoryOwner: no territory is known for this work' };
  if (input.owner === undefined) return { assignee: null, reason: `territoryOwner: territory "${input.territory}" has no owner` };
  const from = input.ownerFrom === undefined ? '' : ` (from the ${input.ownerFrom})`;
  if (!input.candidates.some((candidate) => candidate.username === input.owner)) {
    return { assignee: null, reason: `territoryOwner: the owner "${input.owner}" of territory "${input.territory}"${from} is not a user` };
  }
  return { assignee: input.owner, reason: `territoryOwner: owner of territory "${input.territory}"${from}` };
}
