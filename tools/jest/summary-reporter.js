// Prints one plain closing line per jest run ("Tests: N passed, N failed") that CI reads,
// and, when STAGEFLOW_TEST_TALLY names a file, appends the counts to it so .ci/run can
// print the total over several runs (unit, api, api on the external PostgreSQL).
import { appendFileSync } from 'node:fs';

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (process.env.STAGEFLOW_TEST_TALLY) {
      appendFileSync(process.env.STAGEFLOW_TEST_TALLY, `${passed} ${failed} ${skipped}\n`);
    }
  }
}
