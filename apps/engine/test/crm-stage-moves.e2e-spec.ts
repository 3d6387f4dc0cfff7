// A deal's stage changes only through its process: POST /opportunities/{id}/stage asks the process,
// which accepts a move only where it stands (stageflow:moves on the stage's user task) and when the
// stage's exit criteria (an exitCriteria rule set) refuse nothing. A refused move is a 409 with every
// reason and changes nothing; an accepted one completes the stage's task as the caller, and the
// stage moves in that command's transaction with the history naming who asked, the process and why.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const moveTo = (stage: string) => `= stageMove = "${stage}"`;

/** Identification -> Qualification -> Offer (with "Send the offer" beside it) -> Negotiation -> Won / Lost. */
const DEAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="deal-stages" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="identify" name="Start the relationship" stageflow:stage="Identification" stageflow:candidateGroups="north"
      stageflow:moves="Qualification, Lost" stageflow:exitCriteria="deal-exit" />
    <bpmn:exclusiveGateway id="afterIdentify" default="toQualify" />
    <bpmn:userTask id="qualify" name="Qualify the needs" stageflow:stage="Qualification" stageflow:candidateGroups="north"
      stageflow:moves="Offer, Lost" stageflow:exitCriteria="deal-exit" />
    <bpmn:exclusiveGateway id="afterQualify" default="toFork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="offer" name="Work the offer" stageflow:stage="Offer" stageflow:candidateGroups="north"
      stageflow:moves="Negotiation, Lost" stageflow:exitCriteria="deal-exit" />
    <bpmn:userTask id="sendOffer" name="Send the offer" stageflow:candidateGroups="north" />
    <bpmn:endEvent id="offerSent" />
    <bpmn:exclusiveGateway id="afterOffer" default="toNegotiate" />
    <bpmn:userTask id="negotiate" name="Negotiate" stageflow:stage="Negotiation" stageflow:candidateGroups="north"
      stageflow:moves="Won, Lost" stageflow:exitCriteria="deal-exit" />
    <bpmn:exclusiveGateway id="afterNegotiate" />
    <bpmn:endEvent id="won" stageflow:stage="Won"><bpmn:terminateEventDefinition /></bpmn:endEvent>
    <bpmn:endEvent id="lost" stageflow:stage="Lost"><bpmn:terminateEventDefinition /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="identify" />
    <bpmn:sequenceFlow id="f2" sourceRef="identify" targetRef="afterIdentify" />
    <bpmn:sequenceFlow id="toQualify" sourceRef="afterIdentify" targetRef="qualify" />
    <bpmn:sequenceFlow id="lost1" sourceRef="afterIdentify" targetRef="lost"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${moveTo('Lost')}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="qualify" targetRef="afterQualify" />
    <bpmn:sequenceFlow id="toFork" sourceRef="afterQualify" targetRef="fork" />
    <bpmn:sequenceFlow id="lost2" sourceRef="afterQualify" targetRef="lost"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${moveTo('Lost')}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="offer" />
    <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="sendOffer" />
    <bpmn:sequenceFlow id="f6" sourceRef="sendOffer" targetRef="offerSent" />
    <bpmn:sequenceFlow id="f7" sourceRef="offer" targetRef="afterOffer" />
    <bpmn:sequenceFlow id="toNegotiate" sourceRef="afterOffer" targetRef="negotiate" />
    <bpmn:sequenceFlow id="lost3" sourceRef="afterOffer" targetRef="lost"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${moveTo('Lost')}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f8" sourceRef="negotiate" targetRef="afterNegotiate" />
    <bpmn:sequenceFlow id="toWon" sourceRef="afterNegotiate" targetRef="won"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${moveTo('Won')}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="lost4" sourceRef="afterNegotiate" targetRef="lost"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${moveTo('Lost')}</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;

const EXIT_CRITERIA = {
  key: 'deal-exit',
  name: 'Leaving a deal stage',
  kind: 'exitCriteria',
  hitPolicy: 'all',
  facts: { record: 'object', move: 'object', openTasks: 'array' },
  rules: [
    {
      id: 'lost-reason',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Lost' },
          { fact: 'record', path: '$.lostReason', operator: 'equal', value: null },
        ],
      },
      result: { reason: 'A lost reason is required', hint: 'Pick the lost reason on the deal card', field: 'lostReason' },
    },
    {
      id: 'lost-comment',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Lost' },
          { fact: 'record', path: '$.outcomeComment', operator: 'equal', value: null },
        ],
      },
      result: { reason: 'Say what we learned from the loss', field: 'outcomeComment' },
    },
    {
      id: 'offer-not-done',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Negotiation' },
          { fact: 'openTasks', operator: 'contains', value: 'sendOffer' },
        ],
      },
      result: { reason: 'The offer task is not done', hint: 'Send the offer first', task: 'sendOffer' },
    },
    {
      id: 'value-before-offer',
      conditions: {
        all: [
          { fact: 'move', path: '$.to', operator: 'equal', value: 'Offer' },
          { fact: 'record', path: '$.value', operator: 'equal', value: null },
        ],
      },
      result: { reason: 'The deal has no value', field: 'value' },
    },
  ],
};

describe('moving a deal’s stage through its process', () => {
  let seller = { id: '', token: '' };
  let other = { id: '', token: '' };
  let analyst = { id: '', token: '' };
  const as = (token: string) => suite.as(token);

  /** A new deal of the seller, its process started and waiting at Identification. */
  async function newDeal(fields: object = { value: 12000, currency: 'EUR' }): Promise<string> {
    const created = await as(seller.token).post('/opportunities', { name: 'Fleet renewal', ...fields });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await eventually(async () => {
      const answer = await as(seller.token).get(`/opportunities/${id}`);
      return answer.body.stage === 'Identification' ? true : undefined;
    }, 'the deal process to start');
    return id;
  }

  const stageHistory = async (id: string) =>
    (await as(seller.token).get(`/opportunities/${id}/history`)).body.items.filter((item: { field: string }) => item.field === 'stage');
  const openTasks = async (id: string) =>
    ((await as(seller.token).get(`/opportunities/${id}/process`)).body.openTasks as { id: string; elementId: string }[]).map((task) => task.elementId).sort();

  beforeAll(async () => {
    seller = await suite.createUser('sara', ['seller'], ['north']);
    other = await suite.createUser('sven', ['seller'], ['south']);
    analyst = await suite.createUser('anja', ['analyst'], []);
    await suite.deploy([
      { name: 'deal-stages.bpmn', content: DEAL },
      { name: 'deal-exit.rule-set.json', content: JSON.stringify(EXIT_CRITERIA) },
    ]);
    expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'deal-stages' })).status).toBe(200);
  });

  it('moves a deal to a stage its current stage accepts, in the process step, with the history naming who asked, the process and why', async () => {
    const id = await newDeal();
    const moved = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification', reason: 'first call went well' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ from: 'Identification', to: 'Qualification', elementId: 'identify', activeElementIds: ['qualify'] });
    expect(moved.body.opportunity).toMatchObject({ id, stage: 'Qualification' });
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Qualification');
    expect(await openTasks(id)).toEqual(['qualify']);
    expect((await stageHistory(id))[0]).toEqual(
      expect.objectContaining({
        old: 'Identification',
        new: 'Qualification',
        actor: { id: seller.id, name: 'sara' },
        source: 'process',
        sourceName: 'deal-stages',
        reason: 'first call went well',
      }),
    );
    // The completed stage task is the seller's, as the process history shows.
    const tasks = await suite.query<{ element_id: string; completed_by: string }>(
      `SELECT element_id, completed_by FROM user_tasks t JOIN process_instances i ON i.id = t.process_instance_id WHERE i.business_key = $1 AND t.state = 'completed'`,
      [`opportunity:${id}`],
    );
    expect(tasks).toEqual([{ element_id: 'identify', completed_by: 'sara' }]);
  });

  it('refuses a move the current stage does not accept (409 listing what it accepts) and changes nothing', async () => {
    const id = await newDeal();
    expect((await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(200);
    const before = await stageHistory(id);
    for (const stage of ['Won', 'Negotiation', 'Qualification', 'No such stage']) {
      const refused = await as(seller.token).post(`/opportunities/${id}/stage`, { stage });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe(`the process at Qualification does not accept a move to ${stage} (it accepts: Offer, Lost)`);
      expect(refused.body.details).toEqual([expect.objectContaining({ elementId: 'qualify', stage: 'Qualification', accepts: ['Offer', 'Lost'] })]);
    }
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Qualification');
    expect(await openTasks(id)).toEqual(['qualify']);
    expect(await stageHistory(id)).toEqual(before);
  });

  it('refuses a move its exit criteria refuse (409 with the reasons) and changes nothing — stage, tasks, history — until the task is done', async () => {
    const id = await newDeal();
    expect((await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(200);
    expect((await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Offer' })).status).toBe(200);
    expect(await openTasks(id)).toEqual(['offer', 'sendOffer']);
    const before = await stageHistory(id);

    const refused = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Negotiation', reason: 'they want to talk prices' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('the move from Offer to Negotiation is refused: The offer task is not done');
    expect(refused.body.details).toEqual([
      {
        ruleId: 'offer-not-done',
        reason: 'The offer task is not done',
        hint: 'Send the offer first',
        task: 'sendOffer',
        ruleSet: 'deal-exit',
        elementId: 'offer',
      },
    ]);
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Offer');
    expect(await openTasks(id)).toEqual(['offer', 'sendOffer']);
    expect(await stageHistory(id)).toEqual(before);

    const sendOffer = (await as(seller.token).get(`/opportunities/${id}/process`)).body.openTasks.find(
      (task: { elementId: string }) => task.elementId === 'sendOffer',
    );
    expect((await as(seller.token).post(`/tasks/${sendOffer.id}/complete`, {})).status).toBe(200);
    const moved = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Negotiation' });
    expect(moved.status).toBe(200);
    expect(moved.body.opportunity.stage).toBe('Negotiation');
  });

  it('lets a deal be lost only with a lost reason and a comment: every missing one is named, then the fixed record passes', async () => {
    const id = await newDeal();
    const refused = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Lost', reason: 'no answer' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ ruleId: 'lost-reason', reason: 'A lost reason is required', field: 'lostReason' }),
      expect.objectContaining({ ruleId: 'lost-comment', reason: 'Say what we learned from the loss', field: 'outcomeComment' }),
    ]);
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Identification');

    expect((await as(seller.token).patch(`/opportunities/${id}`, { lostReason: 'no-budget' })).status).toBe(200);
    const still = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Lost' });
    expect(still.status).toBe(409);
    expect(still.body.details).toEqual([expect.objectContaining({ ruleId: 'lost-comment' })]);

    expect((await as(seller.token).patch(`/opportunities/${id}`, { outcomeComment: 'They had no budget this year; call again in Q3.' })).status).toBe(200);
    const lost = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Lost', reason: 'no budget this year' });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ from: 'Identification', to: 'Lost', activeElementIds: [] });
    expect(lost.body.opportunity.stage).toBe('Lost');
    const process = (await as(seller.token).get(`/opportunities/${id}/process`)).body;
    expect(process.instances[0].state).not.toBe('active');
    expect(process.openTasks).toEqual([]);
    expect((await stageHistory(id))[0]).toEqual(
      expect.objectContaining({ old: 'Identification', new: 'Lost', reason: 'no budget this year', actor: { id: seller.id, name: 'sara' } }),
    );
    // The process has ended: no stage moves any more.
    const after = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' });
    expect(after.status).toBe(409);
    expect(after.body.message).toMatch(/has no running process/);
  });

  it('checks the record’s own values too: an offer needs a value', async () => {
    const id = await newDeal({ currency: 'EUR' });
    expect((await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(200);
    const refused = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Offer' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual([expect.objectContaining({ ruleId: 'value-before-offer', field: 'value' })]);
    expect((await as(seller.token).patch(`/opportunities/${id}`, { value: 900 })).status).toBe(200);
    expect((await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Offer' })).status).toBe(200);
  });

  it('answers 404 for another seller’s deal, 403 for a caller who may not change it, and changes nothing', async () => {
    const id = await newDeal();
    expect((await as(other.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(404);
    expect((await as(other.token).post('/opportunities/not-a-uuid/stage', { stage: 'Qualification' })).status).toBe(404);
    expect((await as(analyst.token).post(`/opportunities/${id}/stage`, { stage: 'Qualification' })).status).toBe(403);
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Identification');
  });

  it('refuses a move the diagram routes elsewhere (the stage asked for is not entered in that step) and writes nothing', async () => {
    const misrouted = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs2" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="misrouted" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="identify" stageflow:stage="Identification" stageflow:candidateGroups="north" stageflow:moves="Offer, Lost" />
    <bpmn:userTask id="qualify" stageflow:stage="Qualification" stageflow:candidateGroups="north" />
    <bpmn:userTask id="offer" stageflow:stage="Offer" stageflow:candidateGroups="north" />
    <bpmn:endEvent id="lost" stageflow:stage="Lost" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="identify" />
    <bpmn:sequenceFlow id="f2" sourceRef="identify" targetRef="qualify" />
    <bpmn:sequenceFlow id="f3" sourceRef="qualify" targetRef="offer" />
    <bpmn:sequenceFlow id="f4" sourceRef="offer" targetRef="lost" />
  </bpmn:process>
</bpmn:definitions>`;
    await suite.deploy([{ name: 'misrouted.bpmn', content: misrouted }]);
    expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'misrouted' })).status).toBe(200);
    try {
      const id = await newDeal();
      const refused = await as(seller.token).post(`/opportunities/${id}/stage`, { stage: 'Offer' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/^the process did not enter the stage Offer after the move from Identification/);
      expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Identification');
      expect(await openTasks(id)).toEqual(['identify']);
    } finally {
      expect((await as(suite.adminToken()).put('/record-processes/opportunity', { processKey: 'deal-stages' })).status).toBe(200);
    }
  });

  it.each([
    ['no stage', {}, 'stage'],
    ['a blank stage', { stage: '  ' }, 'stage'],
    ['a stage that is no text', { stage: 5 }, 'stage'],
    ['a reason that is no text', { stage: 'Qualification', reason: 3 }, 'reason'],
    ['an unknown field', { stage: 'Qualification', colour: 'red' }, 'colour'],
    ['a list', [{ stage: 'Qualification' }], 'body'],
  ])('answers 400 naming the field for %s', async (_label, body, path) => {
    const id = await newDeal();
    const answer = await as(seller.token).post(`/opportunities/${id}/stage`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([expect.objectContaining({ path })]);
    expect((await as(seller.token).get(`/opportunities/${id}`)).body.stage).toBe('Identification');
  });

  it.each([
    [
      'a move to a stage the diagram does not have',
      DEAL.replace('stageflow:moves="Won, Lost"', 'stageflow:moves="Won, Lost, Signed"'),
      'negotiate',
      /stageflow:moves names the stage 'Signed'/,
    ],
    [
      'exit criteria that are not deployed',
      DEAL.replaceAll('stageflow:exitCriteria="deal-exit"', 'stageflow:exitCriteria="no-such-rules"'),
      'identify',
      /stageflow:exitCriteria "no-such-rules" is neither/,
    ],
  ])('refuses at deploy %s, naming the element', async (_label, content, elementId, message) => {
    const answer = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'broken', resources: [{ name: 'broken.bpmn', content: content.replace('id="deal-stages"', 'id="broken-stages"') }] });
    expect(answer.status).toBe(422);
    expect(answer.body.details).toContainEqual(expect.objectContaining({ resource: 'broken.bpmn', elementId, message: expect.stringMatching(message) }));
  });

  it('refuses at deploy exit criteria that name a rule set of another kind', async () => {
    const classification = { key: 'deal-rating', name: 'Rating', kind: 'classification', hitPolicy: 'first', facts: {}, rules: [], fallback: { rating: 'b' } };
    const answer = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'broken',
        resources: [
          {
            name: 'rated.bpmn',
            content: DEAL.replace('id="deal-stages"', 'id="rated-stages"').replace(
              'stageflow:exitCriteria="deal-exit"',
              'stageflow:exitCriteria="deal-rating"',
            ),
          },
          { name: 'deal-rating.rule-set.json', content: JSON.stringify(classification) },
        ],
      });
    expect(answer.status).toBe(422);
    expect(answer.body.details).toEqual([
      expect.objectContaining({
        elementId: 'identify',
        message: 'stageflow:exitCriteria "deal-rating" is a classification rule set, not an exitCriteria rule set',
      }),
    ]);
  });
});
