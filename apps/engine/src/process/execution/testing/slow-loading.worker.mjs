// A stand-in for interpreter.worker in the pool's spec: it takes 600 ms to load, as a cold
// worker evaluating its module graph on a busy machine may, then answers each request with the
// state it was given — except a `cancel` command, which it never finishes.
import { parentPort } from 'node:worker_threads';

const loadedAt = Date.now() + 600;
while (Date.now() < loadedAt) {
  // loading
}
parentPort.on('message', (request) => {
  if (request.command.type === 'cancel') for (;;);
  parentPort.postMessage({ jobId: request.jobId, kind: 'ok', result: { state: request.state, effects: [] } });
});
parentPort.postMessage({ kind: 'ready' });
