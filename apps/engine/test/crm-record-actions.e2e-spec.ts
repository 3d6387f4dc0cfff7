// Record actions: a lead's process converts it — service tasks create the organization, the
// contact and the opportunity (whose own process starts as configured), set the lead's status and
// links, and add a call — every change in the records' history with source `process` naming the
// process. A field the record kit refuses fails the action: an incident naming the field, nothing written.
import { actionTemplate } from './support/actions.js';
import { setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

function chainDiagram(key: string, actions: string[]): string {
  const tasks = actions.map((action, index) => `<bpmn:serviceTask id="a${index}" stageflow:action="${action}" />`).join('\n    ');
  const ids = ['start', ...actions.map((_action, index) => `a${index}`), 'review', 'end'];
  const flows = ids
    .slice(1)
    .map((id, index) => `<bpmn:sequenceFlow id="f${index}" sourceRef="${ids[index]}" targetRef="${id}" />`)
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${tasks}
    <bpmn:userTask id="review" name="Review" />
    <bpmn:endEvent id="end" />
    ${flows}
  </bpmn:process>
</bpmn:definitions>`;
}

const DEAL = chainDiagram('deal', []);

describe('record actions', () => {
  let seller = { id: '', token: '' };
  const api = (token: string) => suite.as(token);
  const admin = () => api(suite.adminToken());

  beforeAll(async () => {
    seller = await suite.createUser('lena', ['seller'], ['north']);
    await suite.deploy([
      {
        name: 'org.action.json',
        content: actionTemplate('conv_org', {
          type: 'createRecord',
          recordType: 'organization',
          fields: { name: 'Acme GmbH', website: 'https://acme.example' },
          resultVariable: 'organizationId',
        }),
      },
      {
        name: 'contact.action.json',
        content: actionTemplate('conv_contact', {
          type: 'createRecord',
          recordType: 'contact',
          fields: { firstName: 'Jane', lastName: 'Doe', emails: 'jane.doe@acme.example' },
          resultVariable: 'contactId',
        }),
      },
      {
        name: 'opportunity.action.json',
        content: actionTemplate('conv_opp', {
          type: 'createRecord',
          recordType: 'opportunity',
          fields: {
            name: 'Acme fleet',
            value: '25000',
            currency: 'EUR',
            organizationId: '{{ organizationId }}',
            contactId: '{{ contactId }}',
            leadId: '{{ recordId }}',
          },
          resultVariable: 'opportunityId',
        }),
      },
      {
        name: 'lead.action.json',
        content: actionTemplate('conv_lead', {
          type: 'setRecordFields',
          fields: { status: 'converted', classification: 'expected-buyer', organizationId: '{{ organizationId }}', contactId: '{{ contactId }}' },
        }),
      },
      {
        name: 'call.action.json',
        content: actionTemplate('conv_call', { type: 'addActivity', kind: 'call', subject: 'Kick-off call', dueIn: 'P1D', resultVariable: 'callId' }),
      },
      { name: 'convert.bpmn', content: chainDiagram('convert', ['conv_org', 'conv_contact', 'conv_opp', 'conv_lead', 'conv_call']) },
      { name: 'deal.bpmn', content: DEAL },
      { name: 'bad.action.json', content: actionTemplate('bad_lead', { type: 'setRecordFields', fields: { status: 'sold', nickname: 'x' } }) },
      { name: 'bad.bpmn', content: chainDiagram('bad_fields', ['bad_lead']) },
    ]);
    expect((await admin().put('/record-processes/lead', { processKey: 'convert' })).status).toBe(200);
    expect((await admin().put('/record-processes/opportunity', { processKey: 'deal' })).status).toBe(200);
  });

  it('converts a lead: creates the organization, contact and opportunity, sets the lead, adds a call — history names the process', async () => {
    const created = await api(seller.token).post('/leads', { title: 'Fleet request', channel: 'web-form', status: 'new' });
    expect(created.status).toBe(201);
    const leadId = created.body.id as string;

    const instance = await eventually(async () => {
      const process = await api(seller.token).get(`/leads/${leadId}/process`);
      const found = process.body.instances?.[0];
      return found?.activeElementIds?.includes('review') ? found : undefined;
    }, 'the lead process to reach its review task');
    const detail = (await admin().get(`/process-instances/${instance.id}`)).body;
    const { organizationId, contactId, opportunityId, callId } = detail.variables as Record<string, string>;

    const lead = (await api(seller.token).get(`/leads/${leadId}`)).body;
    expect(lead).toMatchObject({ status: 'converted', classification: 'expected-buyer', organizationId, contactId });
    const organization = (await api(seller.token).get(`/organizations/${organizationId}`)).body;
    expect(organization).toMatchObject({ name: 'Acme GmbH', ownerId: seller.id });
    const contact = (await api(seller.token).get(`/contacts/${contactId}`)).body;
    expect(contact).toMatchObject({ lastName: 'Doe', emails: ['jane.doe@acme.example'], ownerId: seller.id });
    const opportunity = (await api(seller.token).get(`/opportunities/${opportunityId}`)).body;
    expect(opportunity).toMatchObject({ name: 'Acme fleet', value: 25000, currency: 'EUR', organizationId, contactId, leadId, ownerId: seller.id });
    const call = (await api(seller.token).get(`/activities/${callId}`)).body;
    expect(call).toMatchObject({ kind: 'call', subject: 'Kick-off call', leadId, ownerId: seller.id });
    expect(Date.parse(call.dueAt as string)).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const history = (await api(seller.token).get(`/leads/${leadId}/history`)).body.items as {
      field: string;
      source: string;
      sourceName: string | null;
      new: unknown;
    }[];
    expect(history.filter((item) => item.field === 'status')).toEqual([
      expect.objectContaining({ new: 'converted', source: 'process', sourceName: 'convert' }),
      expect.objectContaining({ new: 'new', source: 'user' }),
    ]);
    const opportunityHistory = (await api(seller.token).get(`/opportunities/${opportunityId}/history`)).body.items as {
      field: string;
      source: string;
      sourceName: string;
    }[];
    expect(opportunityHistory.find((item) => item.field === 'name')).toMatchObject({ source: 'process', sourceName: 'convert' });

    // The opportunity's own process started through the records' created hooks.
    await eventually(async () => {
      const process = await api(seller.token).get(`/opportunities/${opportunityId}/process`);
      return process.body.instances?.length === 1 ? process.body : undefined;
    }, "the opportunity's process to start");
    // One run, one of each, however often the jobs ran.
    const counts = await suite.query<{ organizations: string; runs: string }>(
      `SELECT (SELECT count(*) FROM crm_organizations WHERE name = 'Acme GmbH') AS organizations,
              (SELECT count(*) FROM action_runs WHERE process_instance_id = $1) AS runs`,
      [instance.id],
    );
    expect(counts[0]).toEqual({ organizations: '1', runs: '5' });
  });

  it('fails the action with an incident naming the fields the record kit refuses, and writes nothing', async () => {
    expect((await admin().put('/record-processes/lead', { processKey: null })).status).toBe(200);
    const lead = (await api(seller.token).post('/leads', { title: 'Odd request', channel: 'call', status: 'new' })).body;
    const started = await admin().post('/process-definitions/key/bad_fields/start', { businessKey: `lead:${lead.id}` });
    expect(started.status).toBe(201);
    const incident = await eventually(async () => {
      const detail = (await admin().get(`/process-instances/${started.body.id}`)).body;
      return detail.incidents?.length > 0 ? detail.incidents[0] : undefined;
    }, 'the incident of the refused fields');
    expect(incident.message).toContain('INVALID_RECORD_FIELDS');
    expect(incident.message).toContain('lead.status');
    expect(incident.message).toContain('lead.nickname is not allowed');
    expect((await api(seller.token).get(`/leads/${lead.id}`)).body.status).toBe('new');
  });
});
