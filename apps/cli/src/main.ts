// The `stageflow` process: runs the CLI on the command line and exits with its code.
import { runCli } from './cli.js';

// A reader that stops early (`stageflow --help | head`) closes the pipe: end quietly, as a shell tool does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
