// A rule picks the contact plan by the lead's territory: an `actions` rule set on processStarted
// (its own suite: actions rule sets apply to every process of the database) starts the DACH plan
// for leads the territory rule set placed in DACH, the rest-of-world plan for the others.
import { territoryRuleSet } from './support/assignment.js';
import { contactPlan } from './support/contact-plans.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

const plansByTerritory = JSON.stringify({
  key: 'plans-by-territory',
  name: 'Contact plan by territory',
  kind: 'actions',
  hitPolicy: 'first',
  facts: { territory: 'object' },
  rules: [
    {
      id: 'dach',
      priority: 10,
      conditions: { all: [{ fact: 'territory', path: '$.territory', operator: 'equal', value: 'DACH' }] },
      result: { on: 'processStarted', actions: [{ type: 'startContactPlan', plan: 'dach-welcome' }] },
    },
    {
      id: 'elsewhere',
      conditions: { not: { fact: 'territory', path: '$.territory', operator: 'equal', value: 'DACH' } },
      result: { on: 'processStarted', actions: [{ type: 'startContactPlan', plan: 'row-welcome' }] },
    },
  ],
});

/** start -> business-rule task (territory rules -> `territory`) -> user task -> end. */
const leadDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="territory_lead" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="territoryOf" />
    <bpmn:businessRuleTask id="territoryOf" stageflow:ruleSet="pr-territories" stageflow:resultVariable="territory" />
    <bpmn:sequenceFlow id="f2" sourceRef="territoryOf" targetRef="work" />
    <bpmn:userTask id="work" name="Work the lead" />
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

describe('a contact plan picked by an actions rule on the territory', () => {
  beforeAll(async () => {
    await suite.createUser('pr-anna', ['seller']);
    await suite.deploy([
      { name: 'territories.rule-set.json', content: territoryRuleSet('pr-territories', 'pr-anna') },
      { name: 'plans.rule-set.json', content: plansByTerritory },
      {
        name: 'dach.contact-plan.json',
        content: contactPlan('dach-welcome', [
          { id: 'hallo', offset: 'PT0S', action: { type: 'notifyUser', user: 'pr-anna', message: 'Anrufen: {{ lead }}' } },
          { id: 'follow-up', offset: 'P3D', action: { type: 'createTask', title: 'Follow up {{ lead }}' } },
        ]),
      },
      {
        name: 'row.contact-plan.json',
        content: contactPlan('row-welcome', [{ id: 'hello', offset: 'P1D', action: { type: 'notifyUser', user: 'pr-anna', message: 'Call {{ lead }}' } }]),
      },
      { name: 'lead.bpmn', content: leadDiagram },
    ]);
  });

  it.each([
    ['a lead from Germany', 'DE', 'dach-welcome', 'plans-by-territory/dach', ['Anrufen: Jana']],
    ['a lead from the US', 'US', 'row-welcome', 'plans-by-territory/elsewhere', []],
  ])('given %s, when the process starts, then the rule starts the plan of its territory', async (_label, country, plan, startedBy, notifications) => {
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/territory_lead/start')
      .set(...bearer(suite.adminToken()))
      .send({ variables: { lead: 'Jana', country } });
    expect(started.status).toBe(201);
    const id = started.body.id as string;

    const starts = await eventually(async () => {
      const rows = await suite.query<{ plan_key: string; element_id: string }>(
        'SELECT plan_key, element_id FROM contact_plan_starts WHERE process_instance_id = $1',
        [id],
      );
      return rows.length > 0 ? rows : undefined;
    }, `a contact plan to start on ${id}`);
    expect(starts).toEqual([{ plan_key: plan, element_id: startedBy }]);
    if (notifications.length > 0) {
      await eventually(async () => {
        const rows = await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]);
        return rows.length > 0 ? rows : undefined;
      }, 'the day-0 step to run');
    }
    const messages = await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [id]);
    expect(messages.map((row) => row.message)).toEqual(notifications);
  });
});
