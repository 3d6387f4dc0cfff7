// docs/tutorial-tender.md, step by step, against the built engine: the stageflow CLI as a child process
// on the package the tutorial builds (docs/tutorial/public-tender), then the HTTP calls its curl lines
// make, with the answers it shows. When this fails, the tutorial no longer tells the truth.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './support/engine-process.js';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { runStageflow } from './support/stageflow-cli.js';

const PACKAGE = join(REPO_ROOT, 'docs/tutorial/public-tender');
const HOUR_MS = 3_600_000;

interface Instance {
  id: string;
  state: string;
  activeElementIds: string[];
  variables: Record<string, unknown>;
}

describe('the tender tutorial (docs/tutorial-tender.md)', () => {
  const suite = setupEngineSuite();
  let work = '';
  let token = '';
  /** The tender of steps 5 to 8. */
  let first = '';
  const cli = (args: string[]) => runStageflow([...args, '--url', suite.engine().url, '--token', token], { cwd: work });
  const api = () => suite.as(token);

  /** Step 7: the open task of an instance, as `GET /tasks?processInstanceId=…&state=created` lists it. */
  const openTask = (instanceId: string) =>
    eventually(async () => {
      const tasks = await api().get(`/tasks?processInstanceId=${instanceId}&state=created`);
      return tasks.body.items[0] as { id: string; name: string; formKey: string | null; dueAt: string | null; createdAt: string } | undefined;
    }, `an open task of ${instanceId}`);

  const tenderArrives = async (businessKey: string, title: string, authority: string) => {
    const started = await api().post('/process-definitions/key/public-tender/start', { businessKey, variables: { title, authority } });
    expect(started.status).toBe(201);
    return started.body.id as string;
  };

  /** Steps 7 and 8: the qualification completed with the form's answers; the instance once it waits or ends as `settled` says. */
  const qualified = async (instanceId: string, answers: Record<string, unknown>, settled: (instance: Instance) => boolean) => {
    const task = await openTask(instanceId);
    const completed = await api().post(`/tasks/${task.id}/complete`, { variables: answers });
    expect(completed.status).toBe(200);
    return eventually(async () => {
      const read = await api().get(`/process-instances/${instanceId}`);
      return settled(read.body as Instance) ? (read.body as Instance) : undefined;
    }, `the tender ${instanceId} past its rating`);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'stageflow-tutorial-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('step 3: given the admin signed in, when an API token is created, then it is an sf_ token that the CLI can use', async () => {
    const signedIn = await suite.login('admin', ADMIN_PASSWORD);
    const created = await suite
      .http()
      .post('/api/v1/api-tokens')
      .set(...bearer(signedIn))
      .send({ name: 'tender tutorial' });

    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sf_/);
    token = created.body.token as string;
  });

  it('step 4: given the package folder, when validated, packed and deployed twice, then each says what the tutorial shows', async () => {
    const validated = await runStageflow(['validate', PACKAGE]);
    const packed = await runStageflow(['pack', PACKAGE], { cwd: work });
    const deployed = await cli(['deploy', PACKAGE]);
    const again = await cli(['deploy', join(work, 'public-tender-1.0.0.zip')]);
    const params = await cli(['params', 'get', 'public-tender']);

    expect(validated).toEqual({ code: 0, stdout: 'public-tender 1.0.0: valid (6 files, 3 parameters)\n', stderr: '' });
    expect(packed.code).toBe(0);
    expect(packed.stdout).toMatch(/^public-tender 1\.0\.0: wrote .*public-tender-1\.0\.0\.zip \(\d+ bytes, 6 files\)\n$/);
    expect(deployed).toEqual({ code: 0, stdout: `public-tender 1.0.0: deployed to ${suite.engine().url}\n`, stderr: '' });
    expect(again).toEqual({ code: 0, stdout: 'public-tender 1.0.0: already deployed with the same content, nothing changed\n', stderr: '' });
    expect(params).toEqual({ code: 0, stdout: 'minScore = 60\nbidTeamEmail = "bids@example.com"\nqualifyHours = 48\n', stderr: '' });
  });

  it('steps 5 and 6: given a started tender, when its qualification task is read, then it is due in qualifyHours and carries the form', async () => {
    const started = await api().post('/process-definitions/key/public-tender/start', {
      businessKey: 'TED-2026-1187',
      variables: { title: 'School IT equipment', authority: 'City of Springfield' },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: 'active', activeElementIds: ['qualify'] });
    first = started.body.id as string;

    const task = await openTask(first);
    const read = await api().get(`/tasks/${task.id}`);

    expect(task).toMatchObject({ name: 'Qualify the tender', formKey: 'tender-qualify' });
    expect(Date.parse(task.dueAt ?? '') - Date.parse(task.createdAt)).toBe(48 * HOUR_MS);
    expect(read.body.form).toMatchObject({ key: 'tender-qualify', version: 1, schema: { title: 'Qualify the tender', required: ['estimatedValue', 'fit'] } });
  });

  it('step 7: given answers the form refuses, when the task is completed, then 400 names both fields and the task stays open', async () => {
    const task = await openTask(first);

    const refused = await api().post(`/tasks/${task.id}/complete`, { variables: { estimatedValue: -5, fit: 'good' } });

    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: 'bad_request',
      message: 'variables.fit must be one of "strong", "partial", "weak" (and 1 more)',
      details: [
        { path: 'variables.fit', message: 'must be one of "strong", "partial", "weak"' },
        { path: 'variables.estimatedValue', message: 'must be >= 0' },
      ],
    });
    expect((await api().get(`/tasks/${task.id}`)).body.state).toBe('created');
  });

  it('steps 7 and 8: given a strong fit of 80,000, when qualified, then it is rated B (70 points), the bid team is e-mailed and the bid task waits', async () => {
    const instance = await qualified(first, { estimatedValue: 80000, fit: 'strong', submissionDeadline: '2027-01-15' }, (read) =>
      read.activeElementIds.includes('prepareBid'),
    );
    const emails = await api().get(`/emails?processInstanceId=${instance.id}`);
    const bid = await openTask(instance.id);

    expect(instance.variables.rating).toEqual({ rating: 'B', score: 70 });
    expect(bid.name).toBe('Prepare the bid');
    expect(emails.body.items).toEqual([
      expect.objectContaining({
        to: 'bids@example.com',
        subject: 'Tender School IT equipment: rated B (70 points)',
        status: 'held',
        body: [
          'Hello bid team,',
          '',
          'the tender "School IT equipment" of City of Springfield was qualified and rated B:',
          '70 points, where 60 are needed to pursue it.',
          '',
          'Estimated value: 80000 EUR, fit: strong, submission deadline: 2027-01-15.',
          '',
          'We pursue it: the bid task is waiting.',
          '',
        ].join('\n'),
      }),
    ]);
  });

  it('step 8: given the bid task, when it is completed, then the tender ends at "Bid submitted"', async () => {
    const bid = await openTask(first);

    const completed = await api().post(`/tasks/${bid.id}/complete`, {});

    expect(completed.status).toBe(200);
    const ended = await eventually(async () => {
      const read = await api().get(`/process-instances/${first}`);
      return read.body.state === 'completed' ? (read.body as Instance) : undefined;
    }, 'the first tender ended');
    expect(ended.activeElementIds).toEqual([]);
    const history = await api().get(`/process-instances/${first}/history`);
    expect(history.body.items.filter((item: { event: string }) => item.event === 'entered').at(-1).elementId).toBe('bidSubmitted');
  });

  it('step 9: given a waiting tender and minScore (live) set to 75 with the CLI, when it is qualified as the first was, then it is dropped; 150 is refused naming the field', async () => {
    const waiting = await tenderArrives('TED-2026-1188', 'Library furniture', 'County of Shelby');
    const set = await cli(['params', 'set', 'public-tender', 'minScore=75']);
    const refused = await cli(['params', 'set', 'public-tender', 'minScore=150']);

    expect(set).toEqual({ code: 0, stdout: 'minScore = 75\nbidTeamEmail = "bids@example.com"\nqualifyHours = 48\n', stderr: '' });
    expect(refused).toEqual({
      code: 3,
      stdout: '',
      stderr: 'stageflow: set parameters of public-tender: the engine answered 400 (bad_request: minScore must be <= 100)\nminScore: must be <= 100\n',
    });

    const instance = await qualified(waiting, { estimatedValue: 80000, fit: 'strong' }, (read) => read.state === 'completed');
    const history = await api().get(`/process-instances/${instance.id}/history`);
    const emails = await api().get(`/emails?processInstanceId=${instance.id}`);
    const changes = await api().get('/packages/public-tender/parameters/history');

    expect(history.body.items.filter((item: { event: string }) => item.event === 'entered').map((item: { elementId: string }) => item.elementId)).toEqual([
      'tenderFound',
      'qualify',
      'rate',
      'notify',
      'decide',
      'dropped',
    ]);
    expect(emails.body.items[0].body).toContain('70 points, where 75 are needed to pursue it.');
    expect(emails.body.items[0].body).toContain('We drop it.');
    expect(
      changes.body.items.map((item: { version: number; reason: string; old: unknown; new: unknown }) => [item.version, item.reason, item.old, item.new]),
    ).toEqual([
      [2, 'update', { minScore: 60 }, { minScore: 75 }],
      [1, 'deploy', {}, { minScore: 60, bidTeamEmail: 'bids@example.com', qualifyHours: 48 }],
    ]);
  });
});
