// The people the CRM suites check visibility with: two sellers in team north, one in south, each
// team's manager, and an analyst (no team).
import type { EngineSuite } from './engine-suite.js';

export interface Person {
  id: string;
  token: string;
}

export interface CrmCast {
  north: Person;
  northToo: Person;
  south: Person;
  northManager: Person;
  southManager: Person;
  analyst: Person;
}

export async function createCrmCast(suite: EngineSuite): Promise<CrmCast> {
  return {
    north: await suite.createUser('nora', ['seller'], ['north']),
    northToo: await suite.createUser('nils', ['seller'], ['north']),
    south: await suite.createUser('sam', ['seller'], ['south']),
    northManager: await suite.createUser('maria', ['manager'], ['north']),
    southManager: await suite.createUser('mike', ['manager'], ['south']),
    analyst: await suite.createUser('ana', ['analyst']),
  };
}
