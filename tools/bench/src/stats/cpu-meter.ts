// CPU used during a measurement window, in cores: the whole machine (/proc/stat), this
// process (the load generator) and named groups of other processes (the engine, PostgreSQL's
// postmaster and backends) from /proc/<pid>/stat. On a 2-core machine the load generator
// competes with the engine and PostgreSQL; this says how much, and how busy the rest was.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuUsage {
  /** Busy cores of the machine (everything but idle and iowait). */
  machineBusyCores: number;
  /** Cores used by this benchmark process. */
  benchCores: number;
  /** Cores used by each watched group of processes. */
  groups: Record<string, number>;
}

const clockTicksPerSecond = 100; // USER_HZ on Linux

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - fields[3] - fields[4], total };
  } catch {
    return undefined;
  }
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime of a process (with all its threads), in clock ticks. */
function processTicks(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : undefined;
}

/** A process and its direct children (PostgreSQL: the postmaster and its backends). */
export function processWithChildren(pid: number): number[] {
  const pids = [pid];
  try {
    for (const entry of readdirSync('/proc')) {
      const child = Number(entry);
      if (Number.isInteger(child) && statFields(child)?.[1] === String(pid)) pids.push(child);
    }
  } catch {
    // no /proc: only the process itself
  }
  return pids;
}

export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly bench = process.cpuUsage();
  private readonly machine = machineTicks();
  private readonly groupTicks: Map<string, Map<number, number>>;

  /** `groups`: name -> process ids, taken at the start of the window. */
  constructor(groups: Record<string, number[]> = {}) {
    this.groupTicks = new Map(
      Object.entries(groups).map(([name, pids]) => [
        name,
        new Map(
          pids.flatMap((pid) => {
            const ticks = processTicks(pid);
            return ticks === undefined ? [] : [[pid, ticks] as [number, number]];
          }),
        ),
      ]),
    );
  }

  read(): CpuUsage {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const bench = process.cpuUsage(this.bench);
    const machineNow = machineTicks();
    const groups: Record<string, number> = {};
    for (const [name, start] of this.groupTicks) {
      let ticks = 0;
      for (const [pid, before] of start) ticks += Math.max(0, (processTicks(pid) ?? before) - before);
      groups[name] = ticks / clockTicksPerSecond / seconds;
    }
    return {
      machineBusyCores: this.machine && machineNow ? (machineNow.busy - this.machine.busy) / clockTicksPerSecond / seconds : Number.NaN,
      benchCores: (bench.user + bench.system) / 1e6 / seconds,
      groups,
    };
  }
}
