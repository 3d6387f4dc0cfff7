import { stageflow } from '../test/support/run-cli.js';

describe('stageflow, the command line', () => {
  it('given --help, when run, then it lists the commands and the exit codes on stdout and exits 0', async () => {
    const run = await stageflow(['--help']);

    expect(run.code).toBe(0);
    for (const command of ['validate', 'pack', 'deploy', 'params', 'export']) expect(run.stdout).toContain(command);
    expect(run.stdout).toContain('Exit codes: 0 ok, 1 invalid package, 2 usage, 3 the engine refused, 4 the engine is unreachable');
  });

  it('given a command with --help, when run, then it shows that command’s options and exits 0', async () => {
    const run = await stageflow(['deploy', '--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: stageflow deploy [options] <package>');
    expect(run.stdout).toContain('--url <url>');
    expect(run.stdout).toContain('--token <token>');
  });

  it('given --version, when run, then it prints the version and exits 0', async () => {
    const run = await stageflow(['--version']);

    expect(run).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('given no command, when run, then it shows the help on stderr and exits 2', async () => {
    const run = await stageflow([]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: stageflow');
    expect(run.stdout).toBe('');
  });

  it('given an unknown command, when run, then it names it with a one-line hint on stderr and exits 2', async () => {
    const run = await stageflow(['deplyo', 'lead']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: unknown command 'deplyo'\n(Did you mean deploy?)\n(add --help for usage)\n");
  });

  it('given a missing argument or an unknown option, when run, then the error names it and the exit code is 2', async () => {
    const missing = await stageflow(['validate']);
    const unknown = await stageflow(['pack', 'tender', '--zip']);
    const extra = await stageflow(['validate', 'tender', 'tender-broken-reference']);

    expect(missing).toMatchObject({ code: 2, stderr: "error: missing required argument 'package'\n(add --help for usage)\n" });
    expect(unknown).toMatchObject({ code: 2, stderr: "error: unknown option '--zip'\n(add --help for usage)\n" });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('too many arguments');
  });

  it('given a path that does not exist, when validated, then it is a usage error (2) naming the path', async () => {
    const run = await stageflow(['validate', 'no-such-package']);

    expect(run).toMatchObject({ code: 2, stderr: 'stageflow: no such file or folder: no-such-package\n', stdout: '' });
  });
});
