// Stageflow benchmark: (a) the interpreter in memory next to bpmn-engine, (b) end to end over
// HTTP against the built engine, (c) the ceiling of the same PostgreSQL server, and the ratio
// of (b) to (c), (d) rule-set evaluations compiled vs json-rules-engine, (f) what a business-rule
// task adds per process command, (g) the CRM at the scale of issue 11 — all in one run. Prints a markdown report and writes results/latest.{md,json}.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliOptions, type BenchOptions } from './cli-options.js';
import { startBenchPostgres, type BenchPostgres } from './db/bench-postgres.js';
import { measureDbCeiling } from './db/db-ceiling.js';
import { startEngine, type EngineProcess } from './http/engine-process.js';
import { runHttpLoad } from './http/http-load.js';
import { runCrmScale } from './crm-scale/crm-scale-bench.js';
import { runInMemoryBench } from './in-memory/in-memory-bench.js';
import { judgeTargets, type BenchResult } from './report/bench-result.js';
import { runRulesBench } from './rules/rules-bench.js';
import { runRuleTaskCost } from './rules/rule-task-cost.js';
import { currentLoadAverage, describeMachine } from './report/machine.js';
import { renderMarkdown } from './report/markdown-report.js';

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function run(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date();
  const machine = describeMachine();
  const result: Omit<BenchResult, 'targets'> = {
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    options,
    machine,
    loadAverageAtEnd: [],
    failures: [],
  };

  if (options.parts.includes('memory')) {
    try {
      const seconds = Math.max(2, options.seconds / 4);
      result.inMemory = await runInMemoryBench({ seconds, warmupSeconds: Math.min(2, options.warmupSeconds), log });
    } catch (error) {
      log(`(a) failed: ${message(error)}`);
      result.failures.push({ part: '(a) memory', message: message(error) });
    }
  }

  if (options.parts.includes('rules')) {
    try {
      const seconds = Math.max(2, options.seconds / 4);
      result.rules = await runRulesBench({ seconds, warmupSeconds: Math.min(2, options.warmupSeconds), log });
    } catch (error) {
      log(`(d) failed: ${message(error)}`);
      result.failures.push({ part: '(d) rules', message: message(error) });
    }
  }

  let postgres: BenchPostgres | undefined;
  let engine: EngineProcess | undefined;
  const cleanUp = async (): Promise<void> => {
    await engine?.stop().catch((error: unknown) => log(`stopping the engine: ${message(error)}`));
    await postgres?.stop().catch((error: unknown) => log(`stopping PostgreSQL: ${message(error)}`));
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const needsEngine = options.parts.includes('http') || options.parts.includes('rule-task');
    if (options.parts.includes('db') || needsEngine || options.parts.includes('crm-scale')) {
      postgres = await startBenchPostgres(log);
      machine.postgres = postgres.version;
    }
    if (postgres && options.parts.includes('db')) {
      try {
        log(`(c) PostgreSQL ceiling: ${options.clients} clients, ${options.warmupSeconds} s warm-up + ${options.seconds} s`);
        result.dbCeiling = await measureDbCeiling({
          url: postgres.scratchUrl,
          clients: options.clients,
          warmupSeconds: options.warmupSeconds,
          seconds: options.seconds,
          maxTransactions: 5_000_000,
          log,
          watchProcesses: () => ({ postgres: postgres?.processIds() ?? [] }),
        });
      } catch (error) {
        log(`(c) failed: ${message(error)}`);
        result.failures.push({ part: '(c) db', message: message(error) });
      }
    }
    if (postgres && needsEngine) {
      try {
        engine = await startEngine(postgres.engineUrl, log);
      } catch (error) {
        log(`starting the engine failed: ${message(error)}`);
        result.failures.push({ part: 'engine start', message: message(error) });
      }
    }
    if (postgres && engine && options.parts.includes('http')) {
      try {
        result.http = await runHttpLoad({
          baseUrl: engine.baseUrl,
          adminPassword: engine.adminPassword,
          watchProcesses: () => ({ engine: engine ? [engine.pid] : [], postgres: postgres?.processIds() ?? [] }),
          clients: options.clients,
          warmupSeconds: options.warmupSeconds,
          seconds: options.seconds,
          maxInstances: 1_000_000,
          log,
        });
      } catch (error) {
        log(`(b) failed: ${message(error)}`);
        if (engine) log(`engine log tail:\n${engine.logTail(30)}`);
        result.failures.push({ part: '(b) http', message: message(error) });
      }
    }
    if (postgres && engine && options.parts.includes('rule-task')) {
      try {
        result.ruleTask = await runRuleTaskCost({
          baseUrl: engine.baseUrl,
          adminPassword: engine.adminPassword,
          watchProcesses: () => ({ engine: engine ? [engine.pid] : [], postgres: postgres?.processIds() ?? [] }),
          clients: options.clients,
          warmupSeconds: options.warmupSeconds,
          seconds: Math.max(3, options.seconds / 2),
          rounds: 5,
          log,
        });
      } catch (error) {
        log(`(f) failed: ${message(error)}`);
        if (engine) log(`engine log tail:\n${engine.logTail(30)}`);
        result.failures.push({ part: '(f) rule-task', message: message(error) });
      }
    }
    // Last: its engine runs on a database of its own, after the other parts' engine is stopped.
    if (postgres && options.parts.includes('crm-scale')) {
      await engine?.stop();
      engine = undefined;
      try {
        result.crmScale = await runCrmScale({
          postgres,
          size: options.crmScaleSize,
          clients: options.clients,
          warmupSeconds: options.warmupSeconds,
          seconds: options.seconds,
          log,
        });
      } catch (error) {
        log(`(g) failed: ${message(error)}`);
        result.failures.push({ part: '(g) crm-scale', message: message(error) });
      }
    }
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  if (result.http && result.dbCeiling) result.httpToCeilingRatio = result.http.commandsPerSecond / result.dbCeiling.transactionsPerSecond;
  const finishedAt = new Date();
  result.finishedAt = finishedAt.toISOString();
  result.durationSeconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  result.loadAverageAtEnd = currentLoadAverage();
  return { ...result, targets: judgeTargets(result) };
}

async function main(): Promise<void> {
  const defaultResultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  let options: BenchOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), defaultResultsDir);
  } catch (error) {
    process.stderr.write(`${message(error)}\n`);
    process.exit(2);
  }
  const result = await run(options);
  const markdown = renderMarkdown(result);
  process.stdout.write(`\n${markdown}\n`);
  await mkdir(options.resultsDir, { recursive: true });
  await writeFile(join(options.resultsDir, 'latest.md'), `${markdown}\n`);
  await writeFile(join(options.resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${join(options.resultsDir, 'latest.md')} and latest.json`);
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
