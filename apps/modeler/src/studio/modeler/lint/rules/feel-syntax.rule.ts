// stageflow/feel-syntax: the FEEL the engine parses at deploy parses — sequence-flow conditions,
// the sources of input/output mappings (reported on their activity) and a message's correlation
// key — with the engine's parser (feelin through parseFeel) and the engine's messages. A user
// task's attributes, multi-instance and timers are checked with the rest of their element
// (stageflow/task-configuration, stageflow/executable-element).
import { isFeelExpression, parseFeel } from '@stageflow/bpmn-runtime';
import type { ModdleElement } from 'bpmn-moddle';
import type { StageflowReporter, StageflowRuleFactory } from '../lint-types';
import { isA, isInExecutedProcess, reference, text } from '../moddle-element';

export const feelSyntaxRule: StageflowRuleFactory = () => ({
  check(element, reporter) {
    if (element.$type === 'bpmn:SequenceFlow' && isInExecutedProcess(element)) {
      const condition = reference(element, 'conditionExpression');
      const body = condition ? text(condition, 'body')?.trim() : undefined;
      const problem = body ? invalidFeel(body) : undefined;
      if (body && problem) reporter.report(element.id, { key: 'stageflow/feel-syntax.condition', values: { condition: body, reason: problem } });
    }
    if (element.$type === 'stageflow:Input' || element.$type === 'stageflow:Output') {
      const activity = element.$parent?.$parent?.$parent;
      const source = text(element, 'source');
      const problem = source !== undefined && isFeelExpression(source) ? invalidFeel(source) : undefined;
      if (activity && problem && isInExecutedProcess(activity)) {
        reporter.report(activity.id, {
          key: element.$type === 'stageflow:Input' ? 'stageflow/feel-syntax.input' : 'stageflow/feel-syntax.output',
          values: { target: text(element, 'target') ?? '', source: source ?? '', reason: problem },
        });
      }
    }
    if (isA(element, 'bpmn:Message')) reportCorrelationKey(element, reporter);
  },
});

function reportCorrelationKey(element: ModdleElement, reporter: StageflowReporter): void {
  const value = text(element, 'correlationKey');
  const problem = value !== undefined && isFeelExpression(value) ? invalidFeel(value) : undefined;
  if (value !== undefined && problem) reporter.report(element.id, { key: 'stageflow/feel-syntax.correlationKey', values: { value, reason: problem } });
}

/** parseFeel's reason, or undefined when the text parses. */
function invalidFeel(value: string): string | undefined {
  const parsed = parseFeel(value);
  return parsed.ok ? undefined : parsed.message;
}
