// stageflow/feel-syntax: the FEEL the engine parses at deploy parses — sequence-flow conditions,
// the sources of input/output mappings (reported on their activity) and a message's correlation
// key — with the engine's parser (feelin through parseFeel) and the engine's messages. A user
// task's attributes, multi-instance and timers are checked with the rest of their element
// (stageflow/task-configuration, stageflow/executable-element).
import { isFeelExpression, parseFeel } from '@stageflow/bpmn-runtime';
import type { ModdleElement } from 'bpmn-moddle';
import type { LintRuleFactory } from '../lint-types';
import { isA, isInExecutedProcess, reference, text } from '../moddle-element';

export const feelSyntaxRule: LintRuleFactory = () => ({
  check(element, reporter) {
    if (element.$type === 'bpmn:SequenceFlow' && isInExecutedProcess(element)) {
      const condition = reference(element, 'conditionExpression');
      const body = condition ? text(condition, 'body')?.trim() : undefined;
      const problem = body ? invalidFeel(body) : undefined;
      if (problem) reporter.report(element.id, `Invalid FEEL condition '${body}': ${problem}`);
    }
    if (element.$type === 'stageflow:Input' || element.$type === 'stageflow:Output') {
      const activity = element.$parent?.$parent?.$parent;
      const source = text(element, 'source');
      const problem = source !== undefined && isFeelExpression(source) ? invalidFeel(source) : undefined;
      if (activity && problem && isInExecutedProcess(activity)) {
        const direction = element.$type === 'stageflow:Input' ? 'input' : 'output';
        reporter.report(activity.id, `stageflow:${direction} '${text(element, 'target') ?? ''}': invalid FEEL '${source}': ${problem}`);
      }
    }
    if (isA(element, 'bpmn:Message')) reportAttribute(element, 'correlationKey', reporter.report.bind(reporter));
  },
});

function reportAttribute(element: ModdleElement, property: string, report: (id: string | undefined, message: string) => void): void {
  const value = text(element, property);
  const problem = value !== undefined && isFeelExpression(value) ? invalidFeel(value) : undefined;
  if (problem) report(element.id, `stageflow:${property}: invalid FEEL '${value}': ${problem}`);
}

/** parseFeel's reason, or undefined when the text parses. */
function invalidFeel(value: string): string | undefined {
  const parsed = parseFeel(value);
  return parsed.ok ? undefined : parsed.message;
}
