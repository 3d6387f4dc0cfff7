// Entry point of a child process (node --expose-gc) that measures the interpreter's memory:
// heap after forced GCs while 10,000 parked lead instances are held by the caller, and before
// and after 100,000 instances that the caller does not keep — the interpreter holds nothing
// per instance, so the second delta should be about zero. Prints one JSON line on stdout.
import { createInterpreterRunner } from './interpreter-runner.js';
import { loadDiagrams } from './diagrams.js';
import type { MemoryReport } from './memory-report.js';
import type { InstanceState } from '@stageflow/bpmn-runtime';

function settledHeap(): number {
  const collect = globalThis.gc;
  if (!collect) throw new Error('run the memory probe with node --expose-gc');
  for (let i = 0; i < 3; i++) collect();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const parked = Number(process.argv[2] ?? 10_000);
  const churn = Number(process.argv[3] ?? 100_000);
  const runner = await createInterpreterRunner(loadDiagrams().lead);
  for (let i = 0; i < 2_000; i++) runner.runInstance(i, false); // warm the JIT before the baseline

  const baseline = settledHeap();
  for (let i = 0; i < churn; i++) runner.runInstance(i, false);
  for (let i = 0; i < churn; i++) runner.park(i); // parked, then dropped: the engine would persist them
  const afterChurn = settledHeap();

  const held: InstanceState[] = [];
  const beforeHeld = settledHeap();
  for (let i = 0; i < parked; i++) held.push(runner.park(i));
  const whileHeld = settledHeap();
  let jsonBytes = 0;
  for (const state of held) jsonBytes += Buffer.byteLength(JSON.stringify(state));
  held.length = 0;
  const afterRelease = settledHeap();

  const report: MemoryReport = {
    churnInstances: churn,
    heapBeforeChurnBytes: baseline,
    heapAfterChurnBytes: afterChurn,
    churnDeltaBytes: afterChurn - baseline,
    parkedInstances: parked,
    heapWhileParkedHeldBytes: whileHeld - beforeHeld,
    heapPerParkedInstanceBytes: (whileHeld - beforeHeld) / parked,
    jsonBytesPerParkedInstance: jsonBytes / parked,
    heapAfterReleaseDeltaBytes: afterRelease - beforeHeld,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
