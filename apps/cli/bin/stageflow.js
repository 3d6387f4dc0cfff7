#!/usr/bin/env node
// The `stageflow` command as npm links it (node_modules/.bin/stageflow): runs the built CLI.
// A small file in git, so the link exists right after `npm install`, before the first build.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('stageflow: apps/cli is not built yet: run `npm run build` first\n');
  process.exit(2);
}
await import(main.href);
