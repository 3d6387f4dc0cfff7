// Runs the benchmark diagrams on the npm package bpmn-engine, the baseline of part (a).
//
// Fair to bpmn-engine: each diagram is parsed and serialized once (as our compileBpmn is
// compiled once) and every instance is a new Engine on that shared serialized context; the
// user tasks are signalled from the `wait` listener as soon as they wait.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import type { Api, ElementBase } from 'bpmn-elements';
import type { SerializableContext } from 'moddle-context-serializer';
import type { BenchDiagram } from './diagrams.js';
import { completionVariables, leadVariables } from './diagrams.js';
import { loopAsync, type LoopResult, type TimeBox } from './time-box.js';

/**
 * Our FEEL conditions in bpmn-engine's own syntax: a JavaScript condition script, run by its
 * default `JavaScripts` (node:vm), which is how its docs compare numbers. Only the body of the
 * conditionExpression changes; the topology is the same XML file.
 */
const conditionTranslations: ReadonlyArray<{ feel: string; bpmnEngine: string }> = [
  {
    feel: '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= budget &gt; 1000</bpmn:conditionExpression>',
    bpmnEngine:
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, environment.variables.budget &gt; 1000)</bpmn:conditionExpression>',
  },
];

/** The diagram's XML with each FEEL condition rewritten for bpmn-engine. */
export function toBpmnEngineXml(xml: string): string {
  let translated = xml;
  for (const { feel, bpmnEngine } of conditionTranslations) translated = translated.split(feel).join(bpmnEngine);
  if (translated.includes('>= ')) throw new Error('a FEEL condition has no bpmn-engine translation');
  return translated;
}

export interface BpmnEngineRunner {
  /** Starts one instance, completes its user tasks and resolves when it has ended. */
  runInstance(sequence: number): Promise<void>;
  /** Bytes of JSON.stringify(engine.getState()) while the instance waits at its first user task. */
  parkedStateBytes(): Promise<number>;
}

export async function createBpmnEngineRunner(diagram: BenchDiagram): Promise<BpmnEngineRunner> {
  const source = toBpmnEngineXml(diagram.xml);
  const [definition] = await new Engine({ name: diagram.processId, source }).getDefinitions();
  const sourceContext: SerializableContext = definition.context.definitionContext;

  async function runInstance(sequence: number): Promise<void> {
    const listener = new EventEmitter();
    let signalled = 0;
    listener.on('wait', (api: Api<ElementBase>) => {
      signalled += 1;
      api.signal({ ...completionVariables });
    });
    const engine = new Engine({ name: diagram.processId, sourceContext });
    const ended = engine.waitFor('end');
    await engine.execute({ listener, variables: leadVariables(sequence) });
    await ended;
    if (signalled !== diagram.userTasks) {
      throw new Error(`bpmn-engine ran ${signalled} user tasks of ${diagram.processId}, expected ${diagram.userTasks}`);
    }
  }

  async function parkedStateBytes(): Promise<number> {
    const engine = new Engine({ name: diagram.processId, sourceContext });
    const listener = new EventEmitter();
    const waiting = new Promise<void>((resolve) => listener.once('wait', () => resolve()));
    await engine.execute({ listener, variables: leadVariables(1) });
    await waiting;
    const bytes = Buffer.byteLength(JSON.stringify(await engine.getState()));
    engine.stop();
    return bytes;
  }

  return { runInstance, parkedStateBytes };
}

/** Instances per second of one diagram on bpmn-engine, one instance at a time. */
export async function measureBpmnEngine(runner: BpmnEngineRunner, box: TimeBox): Promise<LoopResult> {
  return loopAsync(box, (i) => runner.runInstance(i));
}
