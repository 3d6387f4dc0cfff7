// One entry for every strategy: the engine's AssignmentService gathers what the strategy needs
// (and moves the round-robin cursor) and calls this to choose.
import type { AssignmentCandidate, AssignmentChoice } from './assignment.types.js';
import { leastOpenTasks } from './least-open-tasks.strategy.js';
import { roundRobin } from './round-robin.strategy.js';
import { skillMatch } from './skill-match.strategy.js';
import { territoryOwner, type TerritoryOwnerInput } from './territory-owner.strategy.js';

export type SelectionInput =
  | ({ strategy: 'territoryOwner' } & TerritoryOwnerInput)
  | { strategy: 'roundRobin'; team: string; candidates: readonly AssignmentCandidate[]; turn: number }
  | { strategy: 'leastOpenTasks'; team: string; candidates: readonly AssignmentCandidate[] }
  | { strategy: 'skillMatch'; skills: readonly string[]; pool: string; candidates: readonly AssignmentCandidate[] }
  | { strategy: 'unsorted'; reason?: string };

export function selectAssignee(input: SelectionInput): AssignmentChoice {
  switch (input.strategy) {
    case 'territoryOwner':
      return territoryOwner(input);
    case 'roundRobin':
      return roundRobin(input.team, input.candidates, input.turn);
    case 'leastOpenTasks':
      return leastOpenTasks(input.team, input.candidates);
    case 'skillMatch':
      return skillMatch(input.skills, input.pool, input.candidates);
    case 'unsorted':
      return { assignee: null, reason: input.reason ?? 'unsorted: the rule sends this work to the unsorted queue' };
    default: {
      const unknown: never = input;
      throw new Error(`unknown assignment strategy ${JSON.stringify(unknown)}`);
    }
  }
}
