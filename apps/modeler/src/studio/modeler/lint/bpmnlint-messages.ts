// bpmnlint's rules report fixed English sentences built in their code. This table gives each
// sentence of the rules we keep its message key (`lint.<rule>.<message>` in locales/en.json), so the
// linter reports them through i18next like our own. A sentence the table lacks (a bpmnlint upgrade
// that rewords one) is shown as bpmnlint wrote it; bpmnlint-messages.spec.ts reads the rules' source
// and fails first.
import type { LintMessage, LintMessageKey } from './lint-message';

/** bpmnlint rule name -> its English sentence -> its key. */
export const BPMNLINT_MESSAGES: Readonly<Record<string, Readonly<Record<string, LintMessageKey>>>> = {
  'start-event-required': {
    'Process is missing start event': 'start-event-required.process',
    'Sub process is missing start event': 'start-event-required.subProcess',
  },
  'end-event-required': {
    'Process is missing end event': 'end-event-required.process',
    'Sub process is missing end event': 'end-event-required.subProcess',
  },
  'no-disconnected': { 'Element is not connected': 'no-disconnected.notConnected' },
  'no-implicit-start': { 'Element is an implicit start': 'no-implicit-start.implicitStart' },
  'no-implicit-end': { 'Element is an implicit end': 'no-implicit-end.implicitEnd' },
  'single-blank-start-event': {
    'Process has multiple blank start events': 'single-blank-start-event.process',
    'Sub process has multiple blank start events': 'single-blank-start-event.subProcess',
  },
  'sub-process-blank-start-event': { 'Start event must be blank': 'sub-process-blank-start-event.notBlank' },
  'single-event-definition': { 'Event has multiple event definitions': 'single-event-definition.several' },
  'event-sub-process-typed-start-event': { 'Start event is missing event definition': 'event-sub-process-typed-start-event.untyped' },
  'event-based-gateway': {
    'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>': 'event-based-gateway.tooFewFlows',
    'A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional': 'event-based-gateway.conditionalFlow',
  },
  'conditional-flows': { 'Sequence flow is missing condition': 'conditional-flows.missingCondition' },
  'fake-join': { 'Incoming flows do not join': 'fake-join.noJoin' },
  'label-required': { 'Element is missing label/name': 'label-required.missingName' },
  'no-duplicate-sequence-flows': {
    'SequenceFlow is a duplicate': 'no-duplicate-sequence-flows.duplicate',
    'Duplicate outgoing sequence flows': 'no-duplicate-sequence-flows.duplicateOutgoing',
    'Duplicate incoming sequence flows': 'no-duplicate-sequence-flows.duplicateIncoming',
  },
  'no-gateway-join-fork': { 'Gateway forks and joins': 'no-gateway-join-fork.forkAndJoin' },
  'no-implicit-split': { 'Flow splits implicitly': 'no-implicit-split.implicitSplit' },
  'no-overlapping-elements': {
    'Element overlaps with other element': 'no-overlapping-elements.overlaps',
    'Element is outside of parent boundary': 'no-overlapping-elements.outsideParent',
  },
  'superfluous-gateway': { 'Gateway is superfluous. It only has one source and target.': 'superfluous-gateway.superfluous' },
  'superfluous-termination': { 'Termination is superfluous.': 'superfluous-termination.superfluous' },
};

/** The message of a bpmnlint rule's sentence, or undefined when the table does not know it. */
export function bpmnlintMessage(rule: string, sentence: string): LintMessage | undefined {
  const key = BPMNLINT_MESSAGES[rule]?.[sentence];
  return key ? { key } : undefined;
}
