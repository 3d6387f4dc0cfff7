// What the benchmark ran on, and what else was busy at the time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  /** Filled in when a part started PostgreSQL. */
  postgres?: string;
  /** `git describe --always --dirty` of the checkout that was measured. */
  commit: string;
  loadAverageAtStart: number[];
  /** The busiest other processes at the start (ps, %CPU averaged over each one's life). */
  busiestProcessesAtStart: string[];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function busiestProcesses(): string[] {
  try {
    const out = execFileSync('ps', ['-eo', 'pid,ppid,pcpu,args', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' });
    const own = new Set([String(process.pid), String(process.ppid)]);
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length >= 4 && !own.has(fields[0]) && !own.has(fields[1]))
      .map((fields) => `${fields[2]}% ${fields.slice(3).join(' ')}`.slice(0, 140))
      .slice(0, 6);
  } catch {
    return [];
  }
}

export function describeMachine(): MachineInfo {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    commit: gitCommit(),
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
    busiestProcessesAtStart: busiestProcesses(),
  };
}

export function currentLoadAverage(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}
