// The shapes bpmnlint 11 and bpmn-js-bpmnlint 0.23 exchange (bpmnlint's lib/types.d.ts, the part
// we use): a rule is a factory of `{ check }`; a linter config is `{ config, resolver }`.
import type { ModdleElement } from 'bpmn-moddle';
import type { LintMessage } from './lint-message';

export interface LintReporter {
  report(id: string | undefined, message: string, path?: string[]): void;
}

export type LintVisit = (element: ModdleElement, reporter: LintReporter) => boolean | void;

/** A rule visits every element (depth first, the definitions first): one function, or enter/leave. */
export interface LintRule {
  check: LintVisit | { enter?: LintVisit; leave?: LintVisit };
  meta?: { documentation?: { url?: string } };
}

export type LintRuleFactory = (options?: unknown) => LintRule;

/** Our rules report message keys, not text: the linter translates them (lint-message.ts). */
export interface StageflowReporter {
  report(id: string | undefined, message: LintMessage): void;
}

export type StageflowVisit = (element: ModdleElement, reporter: StageflowReporter) => void;

export type StageflowRuleFactory = () => { check: StageflowVisit };

export type LintCategory = 'off' | 'warn' | 'error' | 'info';

export interface LintConfig {
  extends?: string | string[];
  rules?: Record<string, LintCategory>;
}

export interface LintResolver {
  resolveRule(pkg: string, ruleName: string): LintRuleFactory;
  resolveConfig(pkg: string, configName: string): LintConfig;
}

/** What `linting.setLinterConfig` (bpmn-js-bpmnlint) and `new Linter(...)` (bpmnlint) take. */
export interface LinterConfig {
  config: LintConfig;
  resolver: LintResolver;
}

export interface LintReport {
  id?: string;
  message: string;
  category: LintCategory | 'rule-error';
  path?: string[];
}

/** Reports keyed by rule name (`stageflow/feel-syntax`, `start-event-required`). */
export type LintResults = Record<string, LintReport[]>;
