import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { InterpretResult } from '@stageflow/bpmn-runtime';
import { ENGINE_CONFIG, type EngineConfig } from '../config/engine-config.js';
import { InterpreterPool, type InterpretJob } from './interpreter-pool.js';

/** The node's interpreter worker pool, created with the app and closed with it. */
@Injectable()
export class InterpreterPoolService implements OnApplicationShutdown {
  private readonly pool: InterpreterPool;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.pool = new InterpreterPool({
      size: config.interpreterWorkers,
      timeoutMs: config.commandTimeoutMs,
      maxHeapMb: config.workerMaxHeapMb,
      maxSteps: config.maxSteps,
      // Next to this module once built: dist/execution/interpreter.worker.js.
      workerUrl: new URL('./interpreter.worker.js', import.meta.url),
    });
  }

  run(job: InterpretJob): Promise<InterpretResult> {
    return this.pool.run(job);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
