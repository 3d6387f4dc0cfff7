// node tools/bpmn-corpus/dist/main.js <folder> [--top N] [--json]
//
// Runs compileBpmn — what POST /deployments checks of each diagram — over every .bpmn file below
// <folder> and reports how many would deploy, why the others are refused and what the deployed
// ones are warned about, reasons grouped without the ids they name (docs/bpmn-import.md).
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { compileBpmn } from '@stageflow/bpmn-runtime';
import { bpmnFiles } from './bpmn-files.js';
import { corpusReport, type CompiledFile, type ReasonCount } from './corpus-report.js';

const USAGE = 'usage: node tools/bpmn-corpus/dist/main.js <folder> [--top N] [--json]';

interface Options {
  folder: string;
  top: number;
  json: boolean;
}

function parseArguments(args: readonly string[]): Options {
  let folder: string | undefined;
  let top = 25;
  let json = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') json = true;
    else if (arg === '--top') {
      top = Number(args[++index]);
      if (!Number.isInteger(top) || top < 1) throw new Error(`--top needs a positive integer\n${USAGE}`);
    } else if (arg.startsWith('-') || folder !== undefined) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    else folder = arg;
  }
  if (folder === undefined) throw new Error(USAGE);
  return { folder, top, json };
}

function table(title: string, counts: readonly ReasonCount[], top: number): string {
  const lines = [`${title} (files, occurrences, reason):`];
  for (const count of counts.slice(0, top)) lines.push(`  ${String(count.files).padStart(5)} ${String(count.occurrences).padStart(6)}  ${count.reason}`);
  if (counts.length > top) lines.push(`  ... ${counts.length - top} more reasons (--top)`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const compiled: CompiledFile[] = [];
  for (const path of await bpmnFiles(options.folder)) {
    compiled.push({ path: relative(options.folder, path), result: await compileBpmn(await readFile(path, 'utf8')) });
  }
  const report = corpusReport(compiled);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `${report.files} .bpmn files: ${report.deployed} deployed (${report.deployedWithWarnings} of them with warnings), ${report.refused} refused`,
      '',
      table('Refused for', report.refusals, options.top),
      '',
      table('Warnings', report.warnings, options.top),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
