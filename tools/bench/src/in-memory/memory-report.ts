// The memory probe's findings, and how the parent process obtains them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MemoryReport {
  /** Lead instances run to completion, plus as many started and dropped while parked. */
  churnInstances: number;
  heapBeforeChurnBytes: number;
  heapAfterChurnBytes: number;
  /** Heap growth across the churn after forced GCs: what the interpreter itself kept. */
  churnDeltaBytes: number;
  parkedInstances: number;
  /** Heap used by `parkedInstances` parked lead states held in an array by the caller. */
  heapWhileParkedHeldBytes: number;
  heapPerParkedInstanceBytes: number;
  jsonBytesPerParkedInstance: number;
  /** Heap after the caller dropped the parked states, relative to before they were made. */
  heapAfterReleaseDeltaBytes: number;
}

/** Runs memory-probe.js in a fresh `node --expose-gc` so the heap holds nothing else. */
export function runMemoryProbe(parked: number, churn: number): Promise<MemoryReport> {
  const probe = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', probe, String(parked), String(churn)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`memory probe exited ${code}: ${err.trim()}`));
      const lastLine = out.trim().split('\n').pop() ?? '';
      resolve(JSON.parse(lastLine) as MemoryReport);
    });
  });
}
