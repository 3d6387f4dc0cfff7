// POST /rule-sets/evaluate: the dry run of the rule set as the editor holds it (not deployed).
import type { RuleSetDraftEvaluationView } from '@stageflow/api-contract';
import { apiFetch } from '../../../app/api/api-fetch';

export function evaluateDraft(ruleSet: unknown, facts: Record<string, unknown>): Promise<RuleSetDraftEvaluationView> {
  return apiFetch<RuleSetDraftEvaluationView>('/rule-sets/evaluate', { json: { ruleSet, facts } });
}
