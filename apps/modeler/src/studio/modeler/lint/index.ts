// The modeler's lint: `stageflowLinterConfig` is the `linting.bpmnlint` option of bpmn-js with
// bpmn-js-bpmnlint (docs/studio.md, "Lint rules").
export { createStageflowLinterConfig, STAGEFLOW_RULES, BPMNLINT_RULES } from './stageflow-lint-config';
export { lintTextOf, type LintMessage, type LintMessageKey, type LintText } from './lint-message';
export { BPMNLINT_MESSAGES } from './bpmnlint-messages';
export { completeFlowReferences } from './complete-flow-references';
export type { LinterConfig, LintReport, LintResults, LintCategory } from './lint-types';
