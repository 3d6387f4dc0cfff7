// The rule-set format: a JSON document deployed like a diagram (`*.rule-set.json`), versioned
// by `key`. Conditions are json-rules-engine's all/any/not trees; `libs/rules` evaluates them.
import type { JsonObject, JsonValue } from '../variables/json-value.js';
import type { RecordAction } from '../record-actions/record-action.types.js';

export type RuleSetKind = 'territory' | 'assignment' | 'classification' | 'actions' | 'exitCriteria';

/** `first`: the first matching rule by priority (ties: the earlier rule); `all`: every matching rule, in that order. */
export type HitPolicy = 'first' | 'all';

/**
 * The type a fact is declared with. `date` is an ISO 8601 string: a date (`2026-03-01`, read
 * as UTC midnight) or a date-time with `Z` or an offset — never a local time, whose meaning
 * would depend on the server's clock settings.
 */
export type FactType = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object';

export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain'
  | 'startsWith'
  | 'matches'
  | 'between'
  | 'daysSince'
  | 'withinBusinessHours';

/** One comparison: the fact's value (at `path`, when given) `operator` `value`. */
export interface FactCondition {
  fact: string;
  operator: OperatorName;
  value: JsonValue;
  /** JSONPath into an object or array fact, restricted to `$.name`, `$.name.sub`, `$.list[0]`. */
  path?: string;
}

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export type BooleanCondition = AllCondition | AnyCondition | NotCondition;
export type Condition = BooleanCondition | FactCondition;

/** `daysSince` value: whole days elapsed from the fact's date to `now`, within [min, max]. */
export interface DaysSinceRange {
  min?: number;
  max?: number;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** `withinBusinessHours` value: local weekday in `days` and local time in [from, to). */
export interface BusinessHours {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  days: Weekday[];
  /** `HH:MM`, inclusive. */
  from: string;
  /** `HH:MM` (up to `24:00`), exclusive; after `from`. */
  to: string;
}

export interface TerritoryResult {
  territory: string;
  team?: string;
  owner?: string;
  /** Keys of `actions` rule sets that belong to this territory. */
  actions?: string[];
}

export type AssignmentStrategy = 'territoryOwner' | 'roundRobin' | 'leastOpenTasks' | 'skillMatch' | 'unsorted';

export interface AssignmentResult {
  strategy: AssignmentStrategy;
  team?: string;
  skills?: string[];
}

export type ClassificationResult = JsonObject;

export type ProcessEventName = 'processStarted' | 'processEnded' | 'stageEntered' | 'stageLeft' | 'taskCreated' | 'taskOverdue' | 'messageReceived';

/** Text fields of actions are liquidjs templates over the process variables. */
export interface CreateTaskAction {
  type: 'createTask';
  title: string;
  description?: string;
  /** ISO 8601 duration after the event, e.g. `P2D`. */
  dueIn?: string;
  assignment?: AssignmentResult;
}
export interface SendEmailAction {
  type: 'sendEmail';
  to: string;
  subject: string;
  /** Template body, or the key of a deployed template resource in `template`. */
  body?: string;
  template?: string;
  /** Templates, each rendering to the id of a CRM attachment (e.g. `{{ offerDocumentId }}`) sent with the mail; an empty one is skipped. */
  attachments?: string[];
}
export interface CallWebhookAction {
  type: 'callWebhook';
  url: string;
  /** Template of the JSON body. */
  body?: string;
  /** Name of the secret (held by the engine, never in the package) that signs the body. */
  secret?: string;
}
export interface SetVariablesAction {
  type: 'setVariables';
  variables: JsonObject;
}
export interface StartProcessAction {
  type: 'startProcess';
  processKey: string;
  variables?: JsonObject;
  /**
   * The business key of the new instance, a template: `organization:{{ organizationId }}` makes it
   * about that record (`record.*`, record actions), as a record process is. Rendered empty: none.
   */
  businessKey?: string;
}
export interface NotifyUserAction {
  type: 'notifyUser';
  user: string;
  message: string;
}
/** Starts a contact plan (`*.contact-plan.json`) on the instance: its steps become jobs at their offsets. */
export interface StartContactPlanAction {
  type: 'startContactPlan';
  /** The plan's key; a template, so a rule's result can pick it (`{{ bant.contactPlan }}`). */
  plan: string;
}
export type RuleAction =
  CreateTaskAction | SendEmailAction | CallWebhookAction | SetVariablesAction | StartProcessAction | NotifyUserAction | StartContactPlanAction | RecordAction;
export type ActionType = RuleAction['type'];

export interface ActionsResult {
  on: ProcessEventName;
  actions: RuleAction[];
}

/**
 * One exit criterion of a stage (`stageflow:exitCriteria`): a matching rule refuses the move and
 * says why; every matching rule is collected (hit policy `all`, no fallback).
 */
export interface ExitCriterionResult {
  /** Why the move is refused, for the seller: "A lost reason is required". */
  reason: string;
  /** How to fix it, in words: "Pick the lost reason on the deal card". */
  hint?: string;
  /** The record field (or process variable) to fill. */
  field?: string;
  /** The element id of the task to finish first. */
  task?: string;
}

export interface ResultByKind {
  territory: TerritoryResult;
  assignment: AssignmentResult;
  classification: ClassificationResult;
  actions: ActionsResult;
  exitCriteria: ExitCriterionResult;
}

export interface Rule<R = JsonValue> {
  id: string;
  description?: string;
  /** Higher runs first (json-rules-engine's rule priority); 1 by default. */
  priority?: number;
  /** The root is always all, any or not. */
  conditions: BooleanCondition;
  result: R;
}

export interface RuleSetOf<K extends RuleSetKind> {
  key: string;
  name: string;
  description?: string;
  kind: K;
  hitPolicy: HitPolicy;
  facts: Record<string, FactType>;
  rules: Array<Rule<ResultByKind[K]>>;
  /** The result when no rule matches (required for territory sets). */
  fallback?: ResultByKind[K];
}

export type RuleSet = { [K in RuleSetKind]: RuleSetOf<K> }[RuleSetKind];

/** The fact every rule set may use without declaring it: the instant of the evaluation (`date`). */
export const nowFact = '$now';
