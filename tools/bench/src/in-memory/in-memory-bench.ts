// Part (a): the interpreter in memory next to bpmn-engine, on the same diagrams, in this process.
import { createBpmnEngineRunner, measureBpmnEngine } from './bpmn-engine-runner.js';
import { loadDiagrams, type DiagramName } from './diagrams.js';
import { createInterpreterRunner, measureInterpreter } from './interpreter-runner.js';
import { runMemoryProbe, type MemoryReport } from './memory-report.js';
import type { LoopResult } from './time-box.js';

export interface DiagramThroughput {
  diagram: DiagramName;
  label: string;
  userTasks: number;
  interpreter: LoopResult;
  /** The same, with a JSON round trip of the state between commands (as through jsonb). */
  interpreterJsonRoundTrip: LoopResult;
  bpmnEngine: LoopResult;
  /** interpreter / bpmn-engine instances per second. */
  speedup: number;
}

export interface InMemoryResult {
  throughput: DiagramThroughput[];
  /** JSON.stringify(state) of a lead instance parked at its user task, 5 variables, UUID ids. */
  parkedLeadStateBytes: number;
  parkedLeadState: unknown;
  /** The same for bpmn-engine: JSON.stringify(engine.getState()). */
  bpmnEngineParkedLeadStateBytes: number;
  memory: MemoryReport;
}

export interface InMemoryOptions {
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

export async function runInMemoryBench(options: InMemoryOptions): Promise<InMemoryResult> {
  const diagrams = loadDiagrams();
  const throughput: DiagramThroughput[] = [];
  const measure = { seconds: options.seconds, maxIterations: 50_000_000 };
  const warmup = { seconds: options.warmupSeconds, maxIterations: 50_000_000 };
  for (const diagram of [diagrams.lead, diagrams.parallel]) {
    const ours = await createInterpreterRunner(diagram);
    const theirs = await createBpmnEngineRunner(diagram);
    options.log(`(a) ${diagram.name}: warming up`);
    measureInterpreter(ours, warmup, false);
    await measureBpmnEngine(theirs, warmup);
    options.log(`(a) ${diagram.name}: interpreter`);
    const interpreter = measureInterpreter(ours, measure, false);
    const interpreterJsonRoundTrip = measureInterpreter(ours, measure, true);
    options.log(`(a) ${diagram.name}: bpmn-engine`);
    const bpmnEngine = await measureBpmnEngine(theirs, measure);
    throughput.push({
      diagram: diagram.name,
      label: diagram.label,
      userTasks: diagram.userTasks,
      interpreter,
      interpreterJsonRoundTrip,
      bpmnEngine,
      speedup: interpreter.perSecond / bpmnEngine.perSecond,
    });
  }

  const lead = await createInterpreterRunner(diagrams.lead);
  const parkedLeadState = lead.park(1);
  const bpmnEngineLead = await createBpmnEngineRunner(diagrams.lead);
  options.log('(a) memory probe: 10,000 parked instances held, 2 x 100,000 instances not kept');
  const memory = await runMemoryProbe(10_000, 100_000);
  return {
    throughput,
    parkedLeadStateBytes: Buffer.byteLength(JSON.stringify(parkedLeadState)),
    parkedLeadState,
    bpmnEngineParkedLeadStateBytes: await bpmnEngineLead.parkedStateBytes(),
    memory,
  };
}
