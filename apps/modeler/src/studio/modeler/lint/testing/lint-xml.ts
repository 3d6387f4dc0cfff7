// Specs' door to the linter: BPMN XML read by bpmn-moddle with the stageflow descriptor (as the
// modeler's bpmn-js reads it), linted by bpmnlint's own Linter with our configuration.
import { stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import { BpmnModdle } from 'bpmn-moddle';
import { jest } from '@jest/globals';
import * as minDash from 'min-dash';
import type { LintText } from '../lint-message';
import type { LintCategory, LintReport } from '../lint-types';
import { createStageflowLinterConfig } from '../stageflow-lint-config';
import { englishLintText } from './english-lint-text';

export interface Finding {
  rule: string;
  id: string | undefined;
  message: string;
  category: LintReport['category'];
}

// bpmnlint's CommonJS requires min-dash, which is ESM only. Node loads that (require of ESM),
// jest's CommonJS loader cannot: it is handed the real min-dash, loaded as ESM, before bpmnlint
// is first required. The browser build bundles bpmnlint with its dependencies and needs nothing.
jest.mock('min-dash', () => minDash);
const { Linter } = await import('bpmnlint');

const moddle = new BpmnModdle({ stageflow: stageflowModdleDescriptor });

/**
 * Every finding of the configured rules, or only of the named rules (at their configured level),
 * with the messages in English (or through `text`).
 */
export async function lintXml(xml: string, onlyRules?: readonly string[], text: LintText = englishLintText): Promise<Finding[]> {
  const stageflowLinterConfig = createStageflowLinterConfig(text);
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings.length > 0) throw new Error(`the test diagram does not read cleanly: ${warnings.map((w) => w.message).join('; ')}`);
  const all = stageflowLinterConfig.config.rules ?? {};
  const rules: Record<string, LintCategory> = onlyRules ? Object.fromEntries(onlyRules.map((name) => [name, all[name] ?? 'error'])) : all;
  const results = await new Linter(stageflowLinterConfig).lint(rootElement, { rules });
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({ rule, id: report.id, message: report.message, category: report.category })),
  );
}
