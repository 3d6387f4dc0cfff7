import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ruleSetReferences, type InterpretResult, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { RuleSetVersions, type LatestRuleSets } from '../rule-sets/rule-set-versions.js';
import { InterpreterPool, type InterpretJob } from './interpreter-pool.js';
import { InterpreterRouter } from './interpreter-router.js';

const MAX_CACHED_REFERENCES = 500;

/** The node's interpreter worker pool, created with the app and closed with it; bounded processes run inline (InterpreterRouter). */
@Injectable()
export class InterpreterPoolService implements OnApplicationShutdown {
  private readonly pool: InterpreterPool;
  private readonly router: InterpreterRouter;
  /** Rule-set keys by definition id (a definition never changes). */
  private readonly ruleSetKeys = new Map<string, string[]>();

  constructor(
    @Inject(ENGINE_CONFIG) config: EngineConfig,
    private readonly ruleSetVersions: RuleSetVersions,
  ) {
    this.pool = new InterpreterPool({
      size: config.interpreterWorkers,
      timeoutMs: config.commandTimeoutMs,
      maxHeapMb: config.workerMaxHeapMb,
      maxSteps: config.maxSteps,
      // Next to this module once built: dist/execution/interpreter.worker.js.
      workerUrl: new URL('./interpreter.worker.js', import.meta.url),
    });
    this.router = new InterpreterRouter(this.pool, { inline: config.inlineInterpreter, maxSteps: config.maxSteps });
  }

  /** Runs a command, on this thread when its process runs bounded, else on a worker; `job.ruleSets` are those of `ruleSetsFor`. */
  run(job: InterpretJob): Promise<InterpretResult> {
    return this.router.run(job);
  }

  /**
   * The latest versions of the rule sets a process's business-rule tasks refer to (none for a
   * process without any) and whether an actions rule set is deployed, as of at least
   * `seenGeneration`: the rule-set generation the command's read saw; a start passes none and
   * has its write check the answer's generation. Cached per generation: no query per command.
   */
  ruleSetsFor(definitionId: string, graph: ProcessGraph, seenGeneration?: number): Promise<LatestRuleSets> {
    return this.ruleSetVersions.latest(this.keysOf(definitionId, graph), seenGeneration);
  }

  /** The rule-set generation now (after a start's write found it moved); the next `ruleSetsFor` reads again. */
  currentRuleSetGeneration(): Promise<number> {
    return this.ruleSetVersions.currentGeneration();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  private keysOf(definitionId: string, graph: ProcessGraph): string[] {
    const cached = this.ruleSetKeys.get(definitionId);
    if (cached) return cached;
    const keys = [...new Set(ruleSetReferences(graph).map((reference) => reference.ruleSetKey))];
    if (this.ruleSetKeys.size >= MAX_CACHED_REFERENCES) this.ruleSetKeys.clear();
    this.ruleSetKeys.set(definitionId, keys);
    return keys;
  }
}
