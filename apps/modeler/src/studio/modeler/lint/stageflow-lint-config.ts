// The bpmnlint configuration of the modeler, built by hand (no bundler plugin): bpmn-js-bpmnlint
// takes `{ config, resolver }` (linting.bpmnlint / setLinterConfig) and bpmnlint resolves each
// configured rule name through the resolver. Our rules (`stageflow/...`) say what the engine
// refuses, with the engine's own checks; bpmnlint's recommended rules that agree with the engine
// stay, at the level the engine gives them — an error is what a deploy would refuse, a warning
// is legal but likely a mistake.
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import { bpmnlintMessage } from './bpmnlint-messages';
import { completeFlowReferences } from './complete-flow-references';
import type { LintText } from './lint-message';
import type { LintCategory, LintConfig, LinterConfig, LintReporter, LintRuleFactory, LintVisit, StageflowRuleFactory } from './lint-types';
import { conditionPlacementRule } from './rules/condition-placement.rule';
import { executableElementRule } from './rules/executable-element.rule';
import { executableProcessRule } from './rules/executable-process.rule';
import { feelSyntaxRule } from './rules/feel-syntax.rule';
import { gatewayDefaultRule } from './rules/gateway-default.rule';
import { taskConfigurationRule } from './rules/task-configuration.rule';
import { userTaskPerformerRule } from './rules/user-task-performer.rule';

/** bpmnlint resolves `stageflow/<rule>` in the package `bpmnlint-plugin-stageflow`. */
const STAGEFLOW_PACKAGE = 'bpmnlint-plugin-stageflow';

interface RuleEntry<Factory> {
  factory: Factory;
  category: LintCategory;
}

/** Our rules: what compileBpmn refuses (errors) and what it accepts but will hurt (warnings). */
export const STAGEFLOW_RULES: Readonly<Record<string, RuleEntry<StageflowRuleFactory>>> = {
  'executable-process': { factory: executableProcessRule, category: 'error' },
  'executable-element': { factory: executableElementRule, category: 'error' },
  'task-configuration': { factory: taskConfigurationRule, category: 'error' },
  'feel-syntax': { factory: feelSyntaxRule, category: 'error' },
  'condition-placement': { factory: conditionPlacementRule, category: 'error' },
  'gateway-default': { factory: gatewayDefaultRule, category: 'warn' },
  'user-task-performer': { factory: userTaskPerformerRule, category: 'warn' },
};

/**
 * bpmnlint's rules we keep. Left out: no-complex-gateway, link-event and ad-hoc-sub-process
 * (stageflow/executable-element refuses those elements, in the engine's words);
 * no-inclusive-gateway (the engine runs inclusive gateways); no-bpmndi and global (about the
 * drawing or the document, not execution: the modeler draws every element); superfluous-label
 * (style).
 */
export const BPMNLINT_RULES: Readonly<Record<string, RuleEntry<LintRuleFactory>>> = {
  // The engine refuses these: a scope without its start event, a node without an outgoing flow,
  // unreachable nodes, several none start events, several event definitions, an event subprocess
  // without a typed start, an event-based gateway leading to anything but catch events.
  'start-event-required': { factory: startEventRequired, category: 'error' },
  'end-event-required': { factory: endEventRequired, category: 'error' },
  'no-disconnected': { factory: noDisconnected, category: 'error' },
  'no-implicit-start': { factory: noImplicitStart, category: 'error' },
  'no-implicit-end': { factory: noImplicitEnd, category: 'error' },
  'single-blank-start-event': { factory: singleBlankStartEvent, category: 'error' },
  'sub-process-blank-start-event': { factory: subProcessBlankStartEvent, category: 'error' },
  'single-event-definition': { factory: singleEventDefinition, category: 'error' },
  'event-sub-process-typed-start-event': { factory: eventSubProcessTypedStartEvent, category: 'error' },
  'event-based-gateway': { factory: eventBasedGateway, category: 'error' },
  // The engine runs these, but they are usually a slip of the mouse.
  'conditional-flows': { factory: conditionalFlows, category: 'warn' },
  'fake-join': { factory: fakeJoin, category: 'warn' },
  'label-required': { factory: labelRequired, category: 'warn' },
  'no-duplicate-sequence-flows': { factory: noDuplicateSequenceFlows, category: 'warn' },
  'no-gateway-join-fork': { factory: noGatewayJoinFork, category: 'warn' },
  'no-implicit-split': { factory: noImplicitSplit, category: 'warn' },
  'no-overlapping-elements': { factory: noOverlappingElements, category: 'warn' },
  'superfluous-gateway': { factory: superfluousGateway, category: 'warn' },
  'superfluous-termination': { factory: superfluousTermination, category: 'warn' },
};

const lintConfig: LintConfig = {
  rules: Object.fromEntries([
    ...Object.entries(STAGEFLOW_RULES).map(([name, { category }]) => [`stageflow/${name}`, category]),
    ...Object.entries(BPMNLINT_RULES).map(([name, { category }]) => [name, category]),
  ]),
};

/**
 * The `linting.bpmnlint` option of the bpmn-js modeler (and `new Linter(...)` in specs). `text` turns
 * a message into what is shown: our rules report message keys, bpmnlint's sentences are looked up in
 * BPMNLINT_MESSAGES, and both reach bpmn-js-bpmnlint (and so the problems list) already translated.
 */
export function createStageflowLinterConfig(text: LintText): LinterConfig {
  return {
    config: lintConfig,
    resolver: {
      resolveRule(pkg, ruleName) {
        if (pkg === STAGEFLOW_PACKAGE && STAGEFLOW_RULES[ruleName]) return withFlowReferences(translatedStageflowRule(STAGEFLOW_RULES[ruleName].factory, text));
        if (pkg === 'bpmnlint' && BPMNLINT_RULES[ruleName]) return withFlowReferences(translatedBpmnlintRule(ruleName, BPMNLINT_RULES[ruleName].factory, text));
        throw new Error(`unknown lint rule <${pkg}/${ruleName}>`);
      },
      resolveConfig(pkg, configName) {
        throw new Error(`unknown lint config <${pkg}/${configName}>: the stageflow configuration extends none`);
      },
    },
  };
}

/** Our rule as bpmnlint runs it: its message keys reported as text. */
function translatedStageflowRule(factory: StageflowRuleFactory, text: LintText): LintRuleFactory {
  return () => {
    const { check } = factory();
    return { check: (element, reporter) => check(element, { report: (id, message) => reporter.report(id, text(message)) }) };
  };
}

/** bpmnlint's rule with its known sentences reported through `text`, others as written. */
function translatedBpmnlintRule(ruleName: string, factory: LintRuleFactory, text: LintText): LintRuleFactory {
  return (options) => {
    const rule = factory(options);
    const translating = (reporter: LintReporter): LintReporter => ({
      report: (id, sentence, path) => {
        const message = bpmnlintMessage(ruleName, sentence);
        reporter.report(id, message ? text(message) : sentence, path);
      },
    });
    const wrap = (visit: LintVisit | undefined): LintVisit | undefined => visit && ((element, reporter) => visit(element, translating(reporter)));
    const { check } = rule;
    if (typeof check === 'function') return { ...rule, check: wrap(check)! };
    return { ...rule, check: { enter: wrap(check.enter), leave: wrap(check.leave) } };
  };
}

/**
 * The rule, run on a diagram whose flow nodes list their flows (completeFlowReferences): bpmnlint
 * visits the definitions first, so the lists are complete before any rule reads a flow node.
 */
function withFlowReferences(factory: LintRuleFactory): LintRuleFactory {
  return (options) => {
    const rule = factory(options);
    const { check } = rule;
    const enter = typeof check === 'function' ? check : check.enter;
    const leave = typeof check === 'function' ? undefined : check.leave;
    const completingEnter: LintVisit = (element, reporter) => {
      if (element.$type === 'bpmn:Definitions') completeFlowReferences(element);
      return enter?.(element, reporter);
    };
    return { ...rule, check: leave ? { enter: completingEnter, leave } : completingEnter };
  };
}
