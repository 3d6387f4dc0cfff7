import { Injectable } from '@nestjs/common';
import { validateRuleSet, type JsonValue, type RuleSet } from '@stageflow/process-package';
import { decisionValue, ReferenceEvaluator, variablesFactResolver, type RuleSetEvaluation } from '@stageflow/rules';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import { InvalidDefinition, NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { ruleSetViewOf, type RuleSetView } from './rule-set.row.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

export type { RuleSetView } from './rule-set.row.js';

export interface RuleSetDetail extends RuleSetView {
  content: RuleSet;
}

/** A dry run: the value a business-rule task would write, and why (every rule, every condition). */
export interface RuleSetDryRun extends RuleSetEvaluation {
  ruleSet: { id: string; key: string; version: number };
  /** The value a business-rule task writes: the one result (or null) for `first`, the list for `all`. */
  result: JsonValue;
  /** The instant the rules saw as `$now`: the database clock. */
  evaluatedAt: string;
}

/** A dry run of a rule set that is not deployed (the studio's draft): no version to name. */
export type RuleSetDraftDryRun = Omit<RuleSetDryRun, 'ruleSet'>;

/** Deployed rule sets (stored by DeploymentsService): listed, read and evaluated as a dry run; drafts evaluated too. */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly clock: DatabaseClock,
  ) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<RuleSetView>> {
    const { rows, total } = await this.ruleSets.page(filter, paging);
    return { items: rows.map(ruleSetViewOf), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<RuleSetDetail> {
    const row = await this.ruleSets.byId(id);
    if (!row) throw new NotFound(`rule set ${id} not found`);
    return { ...ruleSetViewOf(row), content: row.content };
  }

  /**
   * Evaluates the latest version of `key` (or `version`) on `facts` with json-rules-engine, the
   * reference semantics, explaining every rule. `$now` is the database clock.
   */
  async evaluate(key: string, facts: { [name: string]: JsonValue }, version: number | undefined): Promise<RuleSetDryRun> {
    const row = await this.ruleSets.forEvaluation(key, version);
    if (!row) throw new NotFound(version === undefined ? `no rule set with key "${key}"` : `rule set "${key}" has no version ${version}`);
    const evaluation = await new ReferenceEvaluator(row.content).evaluate(variablesFactResolver(facts), row.now);
    return {
      ruleSet: { id: row.id, key, version: row.version },
      result: decisionValue(row.content, evaluation),
      evaluatedAt: row.now.toISOString(),
      ...evaluation,
    };
  }

  /**
   * Evaluates a rule-set document that is not deployed — what the studio's editor holds — as
   * `evaluate` does a version: checked first as a deploy checks it (422 naming each problem by rule
   * id and path), then json-rules-engine on `facts`, `$now` the database clock.
   */
  async evaluateDraft(document: unknown, facts: { [name: string]: JsonValue }): Promise<RuleSetDraftDryRun> {
    const problems = validateRuleSet(document);
    if (problems.length > 0) {
      throw new InvalidDefinition(
        `the rule set has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
        problems.map(({ ruleId, path, message }) => ({
          ...(ruleId === undefined ? {} : { elementId: ruleId }),
          path,
          message: `${path === '' ? 'the rule set' : path} ${message}`,
        })),
      );
    }
    const ruleSet = document as RuleSet;
    const now = new Date(this.clock.now());
    const evaluation = await new ReferenceEvaluator(ruleSet).evaluate(variablesFactResolver(facts), now);
    return { result: decisionValue(ruleSet, evaluation), evaluatedAt: now.toISOString(), ...evaluation };
  }
}
