// The studio's live view of instances: the path an instance took (counts per element and flow), the
// instances waiting at each element of a version, the explorer's filters and cursor paging, and an
// admin's edit of instance variables through the command path, recorded in the history.
import { contractIssues } from '@stageflow/api-contract';
import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_MAX_VARIABLES_BYTES: '4000' } });

/** start -> review (user task) -> gw: approved -> done; not approved -> back to review; neither (no variable) -> incident at gw. */
function reviewLoopDiagram(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" />
    <bpmn:sequenceFlow id="fYes" sourceRef="gw" targetRef="done">
      <bpmn:conditionExpression>= approved = true</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fAgain" sourceRef="gw" targetRef="review">
      <bpmn:conditionExpression>= approved = false</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;
}

interface Instance {
  id: string;
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
}

const admin = () => suite.as(suite.adminToken());

async function start(key: string, businessKey?: string): Promise<Instance> {
  const response = await admin().post(`/process-definitions/key/${key}/start`, businessKey ? { businessKey } : {});
  expect(response.status).toBe(201);
  return response.body as Instance;
}

/** Completes the instance's open review task with `variables`. */
async function review(instanceId: string, variables: Record<string, unknown>): Promise<void> {
  const tasks = await admin().get(`/tasks?processInstanceId=${instanceId}&state=created`);
  const task = (tasks.body.items as { id: string; elementId: string }[]).find((item) => item.elementId === 'review');
  if (!task) throw new Error(`no open review task on ${instanceId}`);
  await admin().post(`/tasks/${task.id}/complete`, { variables }).expect(200);
}

describe('instance live view', () => {
  beforeAll(async () => {
    await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('review-loop') }]);
  });

  describe('the path an instance took', () => {
    it('given a review sent back once, when its path is read, then review counts two entries and the loop flow one pass', async () => {
      const instance = await start('review-loop');
      await review(instance.id, { approved: false });

      const path = await admin().get(`/process-instances/${instance.id}/path`);

      expect(path.status).toBe(200);
      expect(contractIssues('InstancePath', path.body)).toEqual([]);
      expect(path.body.activeElementIds).toEqual(['review']);
      expect(path.body.elements).toEqual([
        { elementId: 'gw', entered: 1, left: 1 },
        { elementId: 'review', entered: 2, left: 1 },
        { elementId: 'start', entered: 1, left: 1 },
      ]);
      expect(path.body.flows).toEqual([
        { flowId: 'f1', taken: 1 },
        { flowId: 'f2', taken: 1 },
        { flowId: 'fAgain', taken: 1 },
      ]);
    });

    it('given an instance a seller does not see, when the seller reads its path, then 404', async () => {
      const instance = await start('review-loop');
      const seller = await suite.createUser('path-seller', ['seller']);

      expect((await suite.as(seller.token).get(`/process-instances/${instance.id}/path`)).status).toBe(404);
    });
  });

  describe('instances waiting at each element of a version', () => {
    it('given instances at review and one stuck at the gateway, when the version is read, then each element has its count and the incident', async () => {
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('waiting-loop') }]);
      const [a, b, c] = [await start('waiting-loop'), await start('waiting-loop'), await start('waiting-loop')];
      await review(c.id, {});
      const finished = await start('waiting-loop');
      await review(finished.id, { approved: true });

      const waiting = await admin().get('/process-definitions/key/waiting-loop/versions/1/waiting');

      expect(waiting.status).toBe(200);
      expect(contractIssues('WaitingInstances', waiting.body)).toEqual([]);
      expect(waiting.body).toEqual({
        definitionKey: 'waiting-loop',
        version: 1,
        items: [
          { elementId: 'gw', instances: 1, incidents: 1 },
          { elementId: 'review', instances: 2, incidents: 0 },
        ],
      });
      expect([a.state, b.state]).toEqual(['active', 'active']);
    });

    it('given a seller who sees none of them, when the version is read, then no element counts any', async () => {
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('hidden-loop') }]);
      await start('hidden-loop');
      const seller = await suite.createUser('waiting-seller', ['seller']);

      const waiting = await suite.as(seller.token).get('/process-definitions/key/hidden-loop/versions/1/waiting');

      expect(waiting.status).toBe(200);
      expect(waiting.body.items).toEqual([]);
    });

    it('given a version that does not exist or is no number, when read, then 404 or 400 naming version', async () => {
      expect((await admin().get('/process-definitions/key/review-loop/versions/9/waiting')).status).toBe(404);
      const bad = await admin().get('/process-definitions/key/review-loop/versions/first/waiting');
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ path: 'version', message: 'must be a positive integer' }]);
    });
  });

  describe('the explorer list', () => {
    it('given two versions, when filtered by version, then only the instances of that version come', async () => {
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('versioned-loop') }]);
      const first = await start('versioned-loop');
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('versioned-loop').replace('name="Review"', 'name="Review v2"') }]);
      const second = await start('versioned-loop');

      const v1 = await admin().get('/process-instances?definitionKey=versioned-loop&version=1');
      const v2 = await admin().get('/process-instances?definitionKey=versioned-loop&version=2');

      expect(v1.body.items.map((item: Instance) => item.id)).toEqual([first.id]);
      expect(v2.body.items.map((item: Instance) => item.id)).toEqual([second.id]);
      expect(v1.body.total).toBe(1);
    });

    it('given instances with and without an open incident, when filtered by hasIncident, then each side comes alone', async () => {
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('incident-loop') }]);
      const healthy = await start('incident-loop');
      const stuck = await start('incident-loop');
      await review(stuck.id, {});

      const withIncident = await admin().get('/process-instances?definitionKey=incident-loop&hasIncident=true');
      const without = await admin().get('/process-instances?definitionKey=incident-loop&hasIncident=false');

      expect(withIncident.body.items.map((item: Instance) => item.id)).toEqual([stuck.id]);
      expect(without.body.items.map((item: Instance) => item.id)).toEqual([healthy.id]);
    });

    it('given more instances than a page, when paged by cursor, then every instance comes once, newest first, without a total', async () => {
      await suite.deploy([{ name: 'review.bpmn', content: reviewLoopDiagram('paged-loop') }]);
      const started: string[] = [];
      for (let i = 0; i < 5; i++) started.push((await start('paged-loop')).id);
      // Two rows at the same microsecond: the id breaks the tie, and the cursor keeps it.
      await suite.query(`UPDATE process_instances SET created_at = (SELECT created_at FROM process_instances WHERE id = $1) WHERE id = $2`, [
        started[1],
        started[2],
      ]);
      const expected = (
        await suite.query<{ id: string }>(`SELECT id FROM process_instances WHERE definition_key = 'paged-loop' ORDER BY created_at DESC, id DESC`)
      ).map((row) => row.id);

      const seen: string[] = [];
      let response = await admin().get('/process-instances?definitionKey=paged-loop&limit=2');
      expect(contractIssues('ProcessInstancePage', response.body)).toEqual([]);
      expect(response.body.total).toBe(5);
      seen.push(...response.body.items.map((item: Instance) => item.id));
      while (response.body.nextCursor) {
        response = await admin().get(`/process-instances?definitionKey=paged-loop&limit=2&cursor=${encodeURIComponent(response.body.nextCursor)}`);
        expect(response.status).toBe(200);
        expect(contractIssues('ProcessInstancePage', response.body)).toEqual([]);
        expect(response.body).not.toHaveProperty('total');
        seen.push(...response.body.items.map((item: Instance) => item.id));
      }

      expect(seen).toEqual(expected);
      expect([...seen].sort()).toEqual([...started].sort());
      const uncounted = await admin().get('/process-instances?definitionKey=paged-loop&limit=2&count=false');
      expect(uncounted.body).not.toHaveProperty('total');
      expect(uncounted.body.items.map((item: Instance) => item.id)).toEqual(expected.slice(0, 2));
      const counted = await admin().get(
        `/process-instances?definitionKey=paged-loop&limit=2&count=true&cursor=${encodeURIComponent(uncounted.body.nextCursor)}`,
      );
      expect([counted.body.total, counted.body.items.map((item: Instance) => item.id)]).toEqual([5, expected.slice(2, 4)]);
    });

    it('given bad list parameters, when listed, then 400 names each', async () => {
      const cases: [string, string][] = [
        ['version=2', 'version'],
        ['definitionKey=paged-loop&version=0', 'version'],
        ['hasIncident=maybe', 'hasIncident'],
        ['cursor=bm9wZQ', 'cursor'],
        ['cursor=bm9wZQ&offset=10', 'cursor'],
        ['count=sometimes', 'count'],
      ];
      for (const [query, path] of cases) {
        const response = await admin().get(`/process-instances?${query}`);
        expect({ query, status: response.status, path: response.body.details?.[0]?.path }).toEqual({ query, status: 400, path });
      }
    });
  });

  describe("an admin's edit of instance variables", () => {
    it('given an instance stuck at the gateway, when an admin sets the variable and retries, then the history names who, old and new, and the instance ends', async () => {
      const instance = await start('review-loop');
      await review(instance.id, { approved: 'unsure' });
      const stuck = await admin().get(`/process-instances/${instance.id}`);
      expect(stuck.body.state).toBe('incident');

      const edited = await admin().patch(`/process-instances/${instance.id}/variables`, { variables: { approved: true, note: 'checked by phone' } });

      expect(edited.status).toBe(200);
      expect(contractIssues('ProcessInstance', edited.body)).toEqual([]);
      expect(edited.body.variables).toEqual({ approved: true, note: 'checked by phone' });
      expect(edited.body.activeElementIds).toEqual(['gw']);
      const history = await admin().get(`/process-instances/${instance.id}/history`);
      const edits = (history.body.items as { event: string; at: string; payload: unknown }[]).filter((item) => item.event === 'variables-edited');
      expect(edits).toEqual([
        {
          id: expect.any(String),
          elementId: null,
          type: null,
          event: 'variables-edited',
          at: expect.any(String),
          payload: {
            by: 'admin',
            changes: [
              { name: 'approved', old: 'unsure', new: true },
              { name: 'note', new: 'checked by phone' },
            ],
          },
        },
      ]);

      const incident = stuck.body.incidents[0] as { id: string };
      await admin().post(`/incidents/${incident.id}/retry`).expect(200);
      const after = await admin().get(`/process-instances/${instance.id}`);
      expect(after.body.state).toBe('completed');
    });

    it('given a user who is not an admin, when they edit variables, then 403 and nothing changes', async () => {
      const instance = await start('review-loop');
      const analyst = await suite.createUser('edit-analyst', ['analyst']);

      const refused = await suite.as(analyst.token).patch(`/process-instances/${instance.id}/variables`, { variables: { approved: true } });

      expect(refused.status).toBe(403);
      expect((await admin().get(`/process-instances/${instance.id}`)).body.variables).toEqual({});
    });

    it('given bad variables, when an admin edits, then 400 names the variable and nothing changes', async () => {
      const instance = await start('review-loop');

      const proto = await admin()
        .patch(`/process-instances/${instance.id}/variables`)
        .set('Content-Type', 'application/json')
        .send('{"variables":{"__proto__":{"isAdmin":true}}}');
      const empty = await admin().patch(`/process-instances/${instance.id}/variables`, { variables: {} });
      const tooLarge = await admin().patch(`/process-instances/${instance.id}/variables`, { variables: { approved: true, essay: 'x'.repeat(5000) } });

      expect([proto.status, proto.body.details]).toEqual([400, [{ path: 'variables.__proto__', message: '"__proto__" is not allowed as a key' }]]);
      expect([empty.status, empty.body.details[0].path]).toEqual([400, 'variables']);
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.details).toEqual([{ path: 'variables.essay', message: expect.stringContaining('STAGEFLOW_MAX_VARIABLES_BYTES') }]);
      const unchanged = await admin().get(`/process-instances/${instance.id}`);
      expect([unchanged.body.state, unchanged.body.variables, unchanged.body.incidents]).toEqual(['active', {}, []]);
      const history = await admin().get(`/process-instances/${instance.id}/history`);
      expect((history.body.items as { event: string }[]).map((item) => item.event)).not.toContain('variables-edited');
    });

    it('given an instance that has ended, when an admin edits it, then 409', async () => {
      const instance = await start('review-loop');
      await review(instance.id, { approved: true });

      const refused = await admin().patch(`/process-instances/${instance.id}/variables`, { variables: { approved: false } });

      expect(refused.status).toBe(409);
    });
  });
});
