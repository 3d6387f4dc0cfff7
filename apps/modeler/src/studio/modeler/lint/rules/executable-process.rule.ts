// stageflow/executable-process: the diagram has a process the engine runs. Processes marked
// isExecutable="false" are documentation (a partner's pool) and are skipped at deploy; with no
// other process the deploy is refused (compileBpmn). bpmn-js draws new processes as not
// executable, so this is the first thing an analyst meets.
import type { StageflowRuleFactory } from '../lint-types';
import { list } from '../moddle-element';

export const executableProcessRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    if (element.$type !== 'bpmn:Definitions') return;
    const processes = list(element, 'rootElements').filter((root) => root.$type === 'bpmn:Process');
    if (processes.length === 0) {
      reporter.report(element.id, { key: 'stageflow/executable-process.noProcess' });
    } else if (processes.every((process) => process.isExecutable === false)) {
      // On the process when there is one: bpmn-js shows that as the diagram's own problem.
      const where = processes.length === 1 ? processes[0]! : element;
      reporter.report(where.id, { key: 'stageflow/executable-process.noExecutableProcess' });
    }
  },
});
