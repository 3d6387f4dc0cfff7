// GET /api/v1/rule-sets (and /{id}), POST /api/v1/rule-sets/{key}/evaluate.
import { ruleSetSchema, type RuleSetKind } from '@stageflow/process-package';
import {
  anyObject,
  array,
  boolean,
  described,
  instant,
  integer,
  named,
  nullable,
  object,
  stringEnum,
  optional,
  page,
  string,
  uuid,
  type PropertiesOf,
} from '../schemas/json-schema.js';

export interface RuleSetSummaryView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: RuleSetKind;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export interface RuleSetDetailView extends RuleSetSummaryView {
  /** The rule set document as deployed (docs/rules.md). */
  content: Record<string, unknown>;
}

export interface EvaluateRuleSetRequest {
  /** Fact name -> JSON value. */
  facts: Record<string, unknown>;
  /** The version to evaluate (default: the latest). */
  version?: number;
}

/** POST /rule-sets/evaluate: a rule-set document that is not deployed (the studio's draft), evaluated on facts. */
export interface EvaluateRuleSetDraftRequest {
  /** The rule-set document (docs/rules.md). */
  ruleSet: Record<string, unknown>;
  /** Fact name -> JSON value. */
  facts: Record<string, unknown>;
}

export interface EvaluatedRule {
  id: string;
  priority: number;
  matched: boolean;
  /** The condition tree with `passed` (and `factValue`) on every node. */
  conditions: Record<string, unknown>;
}

export interface RuleSetEvaluationView {
  ruleSet: { id: string; key: string; version: number };
  /** What a business-rule task writes: hit policy first, the one result or null; all, the list of results. */
  result: unknown;
  matchedRuleIds: string[];
  results: Record<string, unknown>[];
  usedFallback: boolean;
  /** The `$now` the rules saw: the database clock. */
  evaluatedAt: string;
  rules: EvaluatedRule[];
}

/** The dry run of a draft: as of a deployed version, without the version. */
export type RuleSetDraftEvaluationView = Omit<RuleSetEvaluationView, 'ruleSet'>;

const ruleSetKinds: readonly RuleSetKind[] = ['territory', 'assignment', 'classification', 'actions', 'exitCriteria'];

const summaryProperties: PropertiesOf<RuleSetSummaryView> = {
  id: uuid,
  key: string,
  version: integer,
  name: nullable(string),
  kind: stringEnum(ruleSetKinds),
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
};

export const ruleSetSummarySchema = named<RuleSetSummaryView>('rule-set-summary', summaryProperties);

export const ruleSetDetailSchema = named<RuleSetDetailView>('rule-set', {
  ...summaryProperties,
  content: described(anyObject, `The rule set document as deployed (docs/rules.md; JSON Schema ${String(ruleSetSchema.$id)}).`),
});

export const ruleSetPageSchema = page('rule-set-page', ruleSetSummarySchema);

export const evaluateRuleSetRequestSchema = named<EvaluateRuleSetRequest>('evaluate-rule-set-request', {
  facts: described(anyObject, 'Fact name -> JSON value (as process variables would be). `__proto__`, `constructor` and `prototype` are refused.'),
  version: optional({ type: 'integer', minimum: 1, description: 'The version to evaluate (default: the latest).' }),
});

export const evaluateRuleSetDraftRequestSchema = named<EvaluateRuleSetDraftRequest>('evaluate-rule-set-draft-request', {
  ruleSet: described(anyObject, `The rule-set document to evaluate, not deployed (docs/rules.md; JSON Schema ${String(ruleSetSchema.$id)}).`),
  facts: described(anyObject, 'Fact name -> JSON value (as process variables would be). `__proto__`, `constructor` and `prototype` are refused.'),
});

const evaluationProperties = {
  result: nullable({ description: 'What a business-rule task writes: hit policy first, the one result or null; all, the list of results.' }),
  matchedRuleIds: array(string, { description: 'In evaluation order (priority, then position).' }),
  results: array(anyObject),
  usedFallback: boolean,
  evaluatedAt: described(instant, 'The `$now` the rules saw: the database clock.'),
  rules: array(object<EvaluatedRule>({ id: string, priority: integer, matched: boolean, conditions: anyObject }), {
    description: 'Every rule in evaluation order: matched, and the condition tree with `passed` (and `factValue`) on every node.',
  }),
};

export const ruleSetEvaluationSchema = named<RuleSetEvaluationView>('rule-set-evaluation', {
  ruleSet: object<RuleSetEvaluationView['ruleSet']>({ id: uuid, key: string, version: integer }),
  ...evaluationProperties,
});

export const ruleSetDraftEvaluationSchema = named<RuleSetDraftEvaluationView>('rule-set-draft-evaluation', evaluationProperties);
