// Start-up work that needs the database, retried while the database is unreachable (restarting,
// failing over) instead of ending the node: a node started during a database restart waits for it.
import { isDatabaseUnavailable } from './database-unavailable.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work`; while it fails because the database is unavailable, again after `delayMs`, for at most `timeoutMs`. */
export async function retryWhileUnavailable<T>(work: () => Promise<T>, options: { timeoutMs: number; delayMs: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + options.delayMs > deadline) throw error;
      await sleep(options.delayMs);
    }
  }
}
