// Loops bounded by time and by count, for throughput measurements.

export interface TimeBox {
  seconds: number;
  /** Hard cap on iterations, so a run stops even on a much faster machine. */
  maxIterations: number;
}

export interface LoopResult {
  iterations: number;
  elapsedMs: number;
  perSecond: number;
}

function result(iterations: number, startedAt: number): LoopResult {
  const elapsedMs = performance.now() - startedAt;
  return { iterations, elapsedMs, perSecond: iterations / (elapsedMs / 1000) };
}

/** Runs a synchronous body until the time box closes; reads the clock every 64 iterations. */
export function loopSync(box: TimeBox, body: (iteration: number) => void): LoopResult {
  const startedAt = performance.now();
  const deadline = startedAt + box.seconds * 1000;
  let iterations = 0;
  while (iterations < box.maxIterations) {
    body(iterations);
    iterations += 1;
    if ((iterations & 63) === 0 && performance.now() >= deadline) break;
  }
  return result(iterations, startedAt);
}

/** Runs an asynchronous body, one iteration at a time, until the time box closes. */
export async function loopAsync(box: TimeBox, body: (iteration: number) => Promise<void>): Promise<LoopResult> {
  const startedAt = performance.now();
  const deadline = startedAt + box.seconds * 1000;
  let iterations = 0;
  while (iterations < box.maxIterations && performance.now() < deadline) {
    await body(iterations);
    iterations += 1;
  }
  return result(iterations, startedAt);
}
