// A stand-in for interpreter.worker in the pool's spec, for how rule sets reach a worker: it
// holds ONE rule-set version (the last one sent with its document; the next evicts it), answers
// 'missing-rule-sets' for a version sent by id alone that it does not hold, and otherwise
// answers with the ids that came with their documents (in the state's variables).
import { parentPort } from 'node:worker_threads';

let held;
parentPort.on('message', (request) => {
  const sent = request.ruleSets ?? [];
  const missing = sent.filter((version) => !version.content && version.id !== held).map((version) => version.id);
  if (missing.length > 0) {
    parentPort.postMessage({ jobId: request.jobId, kind: 'missing-rule-sets', ids: missing });
    return;
  }
  const withDocuments = sent.filter((version) => version.content).map((version) => version.id);
  for (const id of withDocuments) held = id;
  parentPort.postMessage({ jobId: request.jobId, kind: 'ok', result: { state: { status: 'active', variables: { withDocuments } }, effects: [] } });
});
parentPort.postMessage({ kind: 'ready' });
