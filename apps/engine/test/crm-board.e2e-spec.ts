// The pipeline board: GET /board answers the opportunity process's stages as columns (the package's
// `stages` parameter, in its order), each with its totals computed over every deal the caller sees and
// its first cards soonest next contact first; GET /board/cards pages a column. Visibility is part of
// every statement: a seller sees their own deals, a manager their teams', an analyst all; the filters
// (seller, team, territory, product) narrow it and never widen it. Days in stage come from the deal's
// last stage change, judged idle by the package's `stageIdleDays`. A deal without a probability of its
// own takes its stage's default (the package's `stageProbabilities`), which its card shows and weights.
import { contractIssues } from '@stageflow/api-contract';
import { createCrmCast, type CrmCast } from './support/crm-cast.js';
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { deployStandardPackages, setPackageParameters } from './support/standard-packages.js';

const suite = setupEngineSuite();

interface Card {
  id: string;
  name: string;
  value: number | null;
  probability: number | null;
  owner: { id: string; username: string } | null;
  organization: { id: string; name: string } | null;
  nextContactAt: string | null;
  daysInStage: number;
  idle: boolean;
  stageEnteredAt: string;
}
interface Column {
  stage: string;
  outcome: string | null;
  accepts: string[];
  totals: { count: number; values: { currency: string | null; value: number; weighted: number }[] };
  cards: Card[];
  nextCursor: string | null;
}

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

describe('the pipeline board', () => {
  let cast: CrmCast;
  const as = (token: string) => suite.as(token);
  const board = async (token: string, query = ''): Promise<{ body: { columns: Column[]; stageIdleDays: number | null; processKey: string | null } }> => {
    const answer = await as(token).get(`/board${query}`);
    expect(answer.status).toBe(200);
    expect(contractIssues('Board', answer.body)).toEqual([]);
    return answer;
  };
  const column = async (token: string, stage: string, query = ''): Promise<Column> =>
    (await board(token, query)).body.columns.find((candidate) => candidate.stage === stage)!;
  const names = (cards: Card[]): string[] => cards.map((card) => card.name);

  /** A deal created through the API, its process started and waiting at Identification. */
  async function deal(token: string, fields: Record<string, unknown>): Promise<string> {
    const created = await as(token).post('/opportunities', fields);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await eventually(async () => ((await as(token).get(`/opportunities/${id}`)).body.stage === 'Identification' ? true : undefined), 'the deal process');
    return id;
  }

  const deals: Record<string, string> = {};

  beforeAll(async () => {
    cast = await createCrmCast(suite);
    await deployStandardPackages(suite, ['opportunity']);
    const organization = await as(cast.north.token).post('/organizations', { name: 'Müller Logistik GmbH' });
    expect(organization.status).toBe(201);
    deals.fleet = await deal(cast.north.token, {
      name: 'Fleet renewal',
      value: 10000,
      currency: 'EUR',
      probability: 50,
      nextContactAt: inDays(3),
      organizationId: organization.body.id,
    });
    deals.depot = await deal(cast.north.token, { name: 'Depot', value: 2000, currency: 'EUR', probability: 10, nextContactAt: inDays(1) });
    deals.franc = await deal(cast.north.token, { name: 'Geneva', value: 500, currency: 'CHF', nextContactAt: inDays(2) });
    deals.open = await deal(cast.north.token, { name: 'No date yet' });
    deals.nils = await deal(cast.northToo.token, { name: 'Nils deal', value: 7000, currency: 'EUR', probability: 100, nextContactAt: inDays(5) });
    deals.sam = await deal(cast.south.token, { name: 'Sam deal', value: 9000, currency: 'EUR', nextContactAt: inDays(4) });
    const moved = await as(cast.north.token).post(`/opportunities/${deals.fleet}/stage`, { stage: 'Qualification' });
    expect(moved.status).toBe(200);
  }, 120_000);

  it('answers the stages of the opportunity package as columns, in its order, with what each accepts and the closing outcomes', async () => {
    const { body } = await board(cast.north.token);
    expect(body.processKey).toBe('opportunity-pipeline');
    expect(body.stageIdleDays).toBe(14);
    expect(body.columns.map(({ stage, outcome, accepts }) => ({ stage, outcome, accepts }))).toEqual([
      { stage: 'Identification', outcome: null, accepts: ['Qualification', 'Lost'] },
      { stage: 'Qualification', outcome: null, accepts: ['Offer', 'Lost'] },
      { stage: 'Offer', outcome: null, accepts: ['Negotiation', 'Lost'] },
      { stage: 'Negotiation', outcome: null, accepts: ['Won', 'Lost'] },
      { stage: 'Won', outcome: 'won', accepts: [] },
      { stage: 'Lost', outcome: 'lost', accepts: [] },
    ]);
  });

  it("shows a seller their own deals only, soonest next contact first and none last, with each column's totals per currency", async () => {
    const identification = await column(cast.north.token, 'Identification');
    expect(names(identification.cards)).toEqual(['Depot', 'Geneva', 'No date yet']);
    expect(identification.totals).toEqual({
      count: 3,
      values: [
        // Geneva has no probability of its own: Identification's default (10) counts.
        { currency: 'CHF', value: 500, weighted: 50 },
        { currency: 'EUR', value: 2000, weighted: 200 },
      ],
    });
    const qualification = await column(cast.north.token, 'Qualification');
    expect(qualification.cards).toEqual([
      expect.objectContaining({
        id: deals.fleet,
        name: 'Fleet renewal',
        value: 10000,
        owner: { id: cast.north.id, username: 'nora' },
        organization: expect.objectContaining({ name: 'Müller Logistik GmbH' }),
        daysInStage: 0,
        idle: false,
      }),
    ]);
    expect(qualification.totals).toEqual({ count: 1, values: [{ currency: 'EUR', value: 10000, weighted: 5000 }] });
    // Another seller's deal is nowhere on the board, not even in the totals.
    expect(names((await column(cast.northToo.token, 'Identification')).cards)).toEqual(['Nils deal']);
  });

  it("shows a manager their team's deals, narrowed by seller or team, never widened to another team's", async () => {
    const all = await column(cast.northManager.token, 'Identification');
    expect(names(all.cards)).toEqual(['Depot', 'Geneva', 'Nils deal', 'No date yet']);
    expect(all.totals.count).toBe(4);
    const nils = await column(cast.northManager.token, 'Identification', `?ownerId=${cast.northToo.id}`);
    expect(names(nils.cards)).toEqual(['Nils deal']);
    expect(nils.totals).toEqual({ count: 1, values: [{ currency: 'EUR', value: 7000, weighted: 7000 }] });
    // Sam is in another team: filtering by him shows nothing, and so does his team.
    expect((await column(cast.northManager.token, 'Identification', `?ownerId=${cast.south.id}`)).totals.count).toBe(0);
    const southTeam = (await suite.query<{ id: string }>("SELECT id::text FROM teams WHERE name = 'south'"))[0]!.id;
    const northTeam = (await suite.query<{ id: string }>("SELECT id::text FROM teams WHERE name = 'north'"))[0]!.id;
    expect((await column(cast.northManager.token, 'Identification', `?teamId=${southTeam}`)).cards).toEqual([]);
    expect(names((await column(cast.southManager.token, 'Identification', `?teamId=${southTeam}`)).cards)).toEqual(['Sam deal']);
    expect((await column(cast.northManager.token, 'Identification', `?teamId=${northTeam}`)).totals.count).toBe(4);
    // A seller cannot see a colleague's deals by asking for them.
    expect((await column(cast.north.token, 'Identification', `?ownerId=${cast.northToo.id}`)).cards).toEqual([]);
    // An analyst reads every deal.
    expect((await column(cast.analyst.token, 'Identification')).totals.count).toBe(5);
  });

  it('filters by the territory of the organization and by a product on the deal', async () => {
    await suite.query("UPDATE crm_organizations SET territory = 'berlin' WHERE name = 'Müller Logistik GmbH'");
    expect(names((await column(cast.northManager.token, 'Qualification', '?territory=berlin')).cards)).toEqual(['Fleet renewal']);
    expect((await column(cast.northManager.token, 'Qualification', '?territory=munich')).cards).toEqual([]);
    const product = await as(suite.adminToken()).post('/products', { name: 'Seat', code: 'SEAT-B', unitPrice: 10, currency: 'EUR' });
    expect(product.status).toBe(201);
    expect((await as(cast.north.token).post(`/opportunities/${deals.depot}/products`, { productId: product.body.id, quantity: 3 })).status).toBe(201);
    const withSeats = await column(cast.northManager.token, 'Identification', `?productId=${product.body.id}`);
    expect(names(withSeats.cards)).toEqual(['Depot']);
    expect(withSeats.totals.count).toBe(1);
  });

  it("pages a column by its cursor: every card once, in the column's order, with the filters", async () => {
    const first = await column(cast.northManager.token, 'Identification', '?limit=1');
    expect(names(first.cards)).toEqual(['Depot']);
    expect(first.totals.count).toBe(4);
    const seen = names(first.cards);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await as(cast.northManager.token).get(`/board/cards?stage=Identification&limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status).toBe(200);
      expect(contractIssues('BoardCardPage', page.body)).toEqual([]);
      seen.push(...names(page.body.items));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(['Depot', 'Geneva', 'Nils deal', 'No date yet']);
    const filtered = await as(cast.northManager.token).get(`/board/cards?stage=Identification&ownerId=${cast.north.id}&limit=2`);
    expect(names(filtered.body.items)).toEqual(['Depot', 'Geneva']);
    expect(filtered.body.nextCursor).not.toBeNull();
  });

  it('counts the days since the last stage change and marks a deal idle past the package’s stageIdleDays', async () => {
    await suite.query(
      `UPDATE crm_record_history SET at = now() - interval '20 days'
        WHERE record_type = 'opportunity' AND record_id = $1 AND changes @> '[{"field": "stage", "new": "Qualification"}]'::jsonb`,
      [deals.fleet],
    );
    const card = (await column(cast.north.token, 'Qualification')).cards[0]!;
    expect(card).toMatchObject({ daysInStage: 20, idle: true });
    await setPackageParameters(suite, 'opportunity', { stageIdleDays: 30 });
    expect((await column(cast.north.token, 'Qualification')).cards[0]).toMatchObject({ daysInStage: 20, idle: false });
    await setPackageParameters(suite, 'opportunity', { stageIdleDays: 14, stages: ['Qualification', 'Identification', 'Negotiation', 'Offer', 'Won', 'Lost'] });
    const { body } = await board(cast.north.token);
    expect(body.columns.map((candidate) => candidate.stage)).toEqual(['Qualification', 'Identification', 'Negotiation', 'Offer', 'Won', 'Lost']);
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const refused = async (path: string, field: string): Promise<void> => {
      const answer = await as(cast.north.token).get(path);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad_request', details: [expect.objectContaining({ path: field })] });
    };
    await refused('/board?sort=value', 'sort');
    await refused('/board?limit=0', 'limit');
    await refused('/board?limit=101', 'limit');
    await refused('/board?ownerId=nora', 'ownerId');
    await refused('/board?teamId=1', 'teamId');
    await refused('/board/cards', 'stage');
    await refused('/board/cards?stage=Offer&cursor=garbage', 'cursor');
    expect((await as(cast.north.token).get('/board?ownerId=null')).status).toBe(200);
  });

  it("weights a deal without a probability of its own by its stage's default, shown on its card and record, following its stage until the seller sets one", async () => {
    const probabilityOf = async (id: string): Promise<unknown> => (await as(cast.north.token).get(`/opportunities/${id}`)).body.probability;
    const id = await deal(cast.north.token, { name: 'Cold chain', value: 1000, currency: 'USD', nextContactAt: inDays(6) });
    expect(await probabilityOf(id)).toBe(10);
    const identification = await column(cast.north.token, 'Identification');
    expect(identification.cards.find((card) => card.id === id)).toMatchObject({ probability: 10 });
    expect(identification.totals.values).toContainEqual({ currency: 'USD', value: 1000, weighted: 100 });

    expect((await as(cast.north.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(200);
    expect(await probabilityOf(id)).toBe(20);
    expect((await column(cast.north.token, 'Qualification')).totals.values).toContainEqual({ currency: 'USD', value: 1000, weighted: 200 });
    const history = (await as(cast.north.token).get(`/opportunities/${id}/history`)).body.items as {
      field: string;
      old: unknown;
      new: unknown;
      source: string;
    }[];
    expect(history.filter((item) => item.field === 'probability').map(({ old, new: value, source }) => ({ old, new: value, source }))).toEqual([
      { old: 10, new: 20, source: 'process' },
      { old: null, new: 10, source: 'process' },
    ]);

    // The seller's own probability stays when the deal moves on.
    expect((await as(cast.north.token).patch(`/opportunities/${id}`, { probability: 35 })).status).toBe(200);
    expect((await as(cast.north.token).post(`/opportunities/${id}/stage`, { stage: 'Offer' })).status).toBe(200);
    expect(await probabilityOf(id)).toBe(35);
    expect((await column(cast.north.token, 'Offer')).totals.values).toContainEqual({ currency: 'USD', value: 1000, weighted: 350 });

    // An analyst tunes a stage's default (a live parameter): the next deal takes it; a default outside 0–100 is refused.
    const refused = await as(suite.adminToken()).put('/packages/opportunity/parameters', {
      ...(await as(suite.adminToken()).get('/packages/opportunity/parameters')).body.values,
      stageProbabilities: { Identification: 120 },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toContain('stageProbabilities');
    await setPackageParameters(suite, 'opportunity', { stageProbabilities: { Identification: 15, Qualification: 25 } });
    const tuned = await deal(cast.north.token, { name: 'Tuned', value: 100, currency: 'USD' });
    expect(await probabilityOf(tuned)).toBe(15);
  });
});
