// Runs the benchmark diagrams on our interpreter, in memory: compile once, then per instance
// `start` and one `completeTask` per created task until the instance completes. Ids are UUIDs
// and `now` is read per command, as the engine does, so the state holds realistic values.
import { randomUUID } from 'node:crypto';
import { compileBpmn, interpret, type InstanceState, type InterpretOptions, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { BenchDiagram } from './diagrams.js';
import { completionVariables, leadVariables } from './diagrams.js';
import { loopSync, type LoopResult, type TimeBox } from './time-box.js';

export interface InterpreterRunner {
  graph: ProcessGraph;
  /**
   * Starts one instance and completes its user tasks. With `roundTrip`, the state makes a
   * JSON.stringify/parse round trip between commands, as it does through a jsonb column.
   */
  runInstance(sequence: number, roundTrip: boolean): void;
  /** Starts one instance and returns its state while it waits at its user task(s). */
  park(sequence: number): InstanceState;
}

function options(): InterpretOptions {
  return { now: new Date().toISOString(), newId: randomUUID };
}

export async function compileDiagram(diagram: BenchDiagram): Promise<ProcessGraph> {
  const compiled = await compileBpmn(diagram.xml);
  if (!compiled.ok) {
    const problems = compiled.problems.map((p) => `${p.elementId ?? '-'}: ${p.message}`).join('; ');
    throw new Error(`${diagram.processId} was refused by compileBpmn: ${problems}`);
  }
  const graph = compiled.processes.find((process) => process.id === diagram.processId);
  if (!graph) throw new Error(`${diagram.processId} is not in its diagram`);
  return graph;
}

export async function createInterpreterRunner(diagram: BenchDiagram): Promise<InterpreterRunner> {
  const graph = await compileDiagram(diagram);

  function park(sequence: number): InstanceState {
    return interpret(graph, undefined, { type: 'start', variables: leadVariables(sequence) }, options()).state;
  }

  function runInstance(sequence: number, roundTrip: boolean): void {
    const started = interpret(graph, undefined, { type: 'start', variables: leadVariables(sequence) }, options());
    let state = started.state;
    const open: string[] = [];
    for (const effect of started.effects) if (effect.type === 'TaskCreated') open.push(effect.taskId);
    if (open.length !== diagram.userTasks) {
      throw new Error(`${diagram.processId} created ${open.length} user tasks, expected ${diagram.userTasks}`);
    }
    for (const taskId of open) {
      if (roundTrip) state = JSON.parse(JSON.stringify(state)) as InstanceState;
      state = interpret(graph, state, { type: 'completeTask', taskId, variables: { ...completionVariables } }, options()).state;
    }
    if (state.status !== 'completed') throw new Error(`${diagram.processId} ended ${state.status}, expected completed`);
  }

  return { graph, runInstance, park };
}

/** Instances per second of one diagram on the interpreter. */
export function measureInterpreter(runner: InterpreterRunner, box: TimeBox, roundTrip: boolean): LoopResult {
  return loopSync(box, (i) => runner.runInstance(i, roundTrip));
}
