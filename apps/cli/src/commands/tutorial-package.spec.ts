// The package that docs/tutorial-tender.md builds step by step lives in docs/tutorial/public-tender:
// these cases keep it valid and keep the tutorial's "deliberate mistake" printing what the tutorial
// shows. The tutorial's deploy and HTTP steps: apps/engine/test/tutorial-tender.e2e-spec.ts.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FIXTURES, stageflow, temporaryFolder } from '../../test/support/run-cli.js';

const TUTORIAL = resolve(FIXTURES, '../../../../docs/tutorial');
const TUTORIAL_PAGE = resolve(TUTORIAL, '../tutorial-tender.md');

/** The page's code blocks that show a package file: a fence whose info is the language and the path, ```json public-tender/manifest.json. */
function filesShownIn(page: string): Map<string, string> {
  const shown = new Map<string, string>();
  for (const block of page.matchAll(/^```\w+ (public-tender\/\S+)\n([\s\S]*?)^```$/gm)) shown.set(block[1] ?? '', block[2] ?? '');
  return shown;
}

describe('the tutorial package (docs/tutorial/public-tender)', () => {
  it('given the folder as the repository holds it, when validated, then it has no problems', async () => {
    const run = await stageflow(['validate', 'public-tender', '--json'], { cwd: TUTORIAL });

    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      ok: true,
      problems: [],
      package: {
        name: 'public-tender',
        version: '1.0.0',
        files: 6,
        parameters: ['minScore', 'qualifyHours', 'bidTeamEmail'],
        liveParameters: ['minScore'],
      },
    });
  });

  it('given the tutorial page, when its file blocks are compared with the folder, then it shows every file of the package as it is', async () => {
    const shown = filesShownIn(await readFile(TUTORIAL_PAGE, 'utf8'));
    const files = (await readdir(join(TUTORIAL, 'public-tender'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => `public-tender/${join(entry.parentPath, entry.name).slice(join(TUTORIAL, 'public-tender').length + 1)}`)
      .sort();

    expect([...shown.keys()].sort()).toEqual(files);
    for (const file of files) expect({ file, text: shown.get(file) }).toEqual({ file, text: await readFile(join(TUTORIAL, file), 'utf8') });
  });

  it('given the misspelt rule set and parameter of the tutorial, when validated, then stderr is the three lines the tutorial shows and it exits 1', async () => {
    const folder = await temporaryFolder();
    try {
      await cp(join(TUTORIAL, 'public-tender'), join(folder.path, 'public-tender'), { recursive: true });
      const diagram = join(folder.path, 'public-tender', 'public-tender.bpmn');
      const text = await readFile(diagram, 'utf8');
      await writeFile(diagram, text.replace('ruleSet="tender-rating"', 'ruleSet="tender-ratings"').replace('params.minScore</', 'params.minscore</'));

      const run = await stageflow(['validate', 'public-tender'], { cwd: folder.path });

      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: [
          'stageflow: public-tender is not a valid package',
          'public-tender.bpmn: rate: stageflow:ruleSet "tender-ratings" is not a rule set of the package',
          'public-tender.bpmn: toPursue: params.minscore is not a parameter declared in manifest.json',
          '',
        ].join('\n'),
        json: expect.any(Function),
      });
    } finally {
      await folder.remove();
    }
  });
});
