import { territoryOwner } from './territory-owner.strategy.js';

const anna = { username: 'anna', skills: [], openTasks: 7 };

describe('territoryOwner', () => {
  it('given a territory whose owner is a user, when chosen, then the owner gets it and the reason names territory and source', () => {
    const choice = territoryOwner({ territory: 'DACH', owner: 'anna', ownerFrom: 'territory record', candidates: [anna] });

    expect(choice).toEqual({ assignee: 'anna', reason: 'territoryOwner: owner of territory "DACH" (from the territory record)' });
  });

  it('given no territory, when chosen, then nobody is chosen', () => {
    expect(territoryOwner({ candidates: [] })).toEqual({ assignee: null, reason: 'territoryOwner: no territory is known for this work' });
  });

  it('given a territory without an owner, when chosen, then nobody is chosen', () => {
    expect(territoryOwner({ territory: 'Nordics', candidates: [] })).toEqual({ assignee: null, reason: 'territoryOwner: territory "Nordics" has no owner' });
  });

  it('given an owner without a named source, when chosen, then the reason names the territory only', () => {
    expect(territoryOwner({ territory: 'DACH', owner: 'anna', candidates: [anna] })).toEqual({
      assignee: 'anna',
      reason: 'territoryOwner: owner of territory "DACH"',
    });
  });

  it('given an owner for whom the engine found no user (no candidates), when chosen, then nobody is chosen', () => {
    expect(territoryOwner({ territory: 'DACH', owner: 'ghost', candidates: [] }).assignee).toBeNull();
  });

  it('given an owner who is not a user, when chosen, then nobody is chosen and the reason names the owner', () => {
    const choice = territoryOwner({ territory: 'DACH', owner: 'ghost', ownerFrom: 'rule result', candidates: [anna] });

    expect(choice).toEqual({ assignee: null, reason: 'territoryOwner: the owner "ghost" of territory "DACH" (from the rule result) is not a user' });
  });
});
