// Command-line flags of the benchmark.

export type BenchPart = 'memory' | 'db' | 'http' | 'rules' | 'rule-task' | 'crm-scale';

export interface BenchOptions {
  /** Parts to run; all by default. */
  parts: BenchPart[];
  /** Measurement window of each HTTP and database run, in seconds (in-memory loops get a quarter). */
  seconds: number;
  /** Warm-up before each HTTP and database measurement, in seconds. */
  warmupSeconds: number;
  /** Concurrent clients of parts (b) and (c). */
  clients: number;
  /** Size of the CRM scale part's data: 1 = issue 11's full size (1.6 million records). */
  crmScaleSize: number;
  /** Folder for latest.md and latest.json. */
  resultsDir: string;
}

export const usage = `Usage: node tools/bench/dist/main.js [--only memory|http|db|rules|rule-task|crm-scale]... [--seconds N] [--warmup N] [--clients N] [--crm-scale-size F] [--results DIR]
  --only      run one part (repeatable): memory = (a) interpreter vs bpmn-engine in memory,
              http = (b) end to end over HTTP, db = (c) the PostgreSQL ceiling,
              rules = (d) rule evaluations, compiled vs json-rules-engine,
              rule-task = (f) what a business-rule task adds per process command,
              crm-scale = (g) CRM lists, search, pipeline and writes on 1.6 million generated records; default: all
  --seconds   measurement window of each HTTP/database run (default 20; in-memory and rules loops get N/4, at least 2;
              rule-task alternates 5 pairs of N/2-second windows, at least 3 s)
  --warmup    warm-up before each HTTP/database run (default 5)
  --clients   concurrent clients for (b), (c) and (g) (default 16)
  --crm-scale-size  fraction of issue 11's record counts (g) generates (default 1: the full size; 0.1 for a quick run)
  --results   folder for latest.md and latest.json (default tools/bench/results)`;

const parts: readonly BenchPart[] = ['memory', 'db', 'http', 'rules', 'rule-task', 'crm-scale'];

function isPart(value: string): value is BenchPart {
  return (parts as readonly string[]).includes(value);
}

function positive(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive number, got "${value ?? ''}"`);
  return parsed;
}

export function parseCliOptions(argv: readonly string[], defaultResultsDir: string): BenchOptions {
  const options: BenchOptions = { parts: [], seconds: 20, warmupSeconds: 5, clients: 16, crmScaleSize: 1, resultsDir: defaultResultsDir };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--only': {
        if (value === undefined || !isPart(value)) throw new Error(`--only takes one of ${parts.join(', ')}`);
        if (!options.parts.includes(value)) options.parts.push(value);
        i++;
        break;
      }
      case '--seconds':
        options.seconds = positive(flag, value);
        i++;
        break;
      case '--warmup':
        options.warmupSeconds = positive(flag, value);
        i++;
        break;
      case '--clients':
        options.clients = Math.round(positive(flag, value));
        i++;
        break;
      case '--crm-scale-size':
        options.crmScaleSize = positive(flag, value);
        if (options.crmScaleSize > 1) throw new Error('--crm-scale-size is a fraction of the full size: at most 1');
        i++;
        break;
      case '--results':
        if (value === undefined) throw new Error('--results needs a folder');
        options.resultsDir = value;
        i++;
        break;
      case '--help':
      case '-h':
        throw new Error(usage);
      default:
        throw new Error(`unknown flag ${flag}\n${usage}`);
    }
  }
  if (options.parts.length === 0) options.parts = [...parts];
  return options;
}
