// The rule set as the editor holds it: a JSON object that may not be valid yet (the engine says
// what is wrong on Validate). Every edit makes a new object, so React sees the change and the JSON
// view shows it; nothing here drops a property the editor does not know.
import type { FactType, RuleSetKind } from '@stageflow/process-package';

export type Draft = Record<string, unknown>;
export type DraftRule = Record<string, unknown>;

const EXAMPLE_RESULTS: Readonly<Record<RuleSetKind, Record<string, unknown>>> = {
  territory: { territory: 'DACH' },
  assignment: { strategy: 'territoryOwner' },
  classification: { rating: 'hot' },
  actions: { on: 'processStarted', actions: [] },
  exitCriteria: { reason: 'Say why the move is refused' },
};

export function exampleResult(kind: unknown): Record<string, unknown> {
  return structuredClone(EXAMPLE_RESULTS[(kind as RuleSetKind) in EXAMPLE_RESULTS ? (kind as RuleSetKind) : 'classification']);
}

/** A new rule set of `kind` with one empty rule: what "New rule set" opens. */
export function newDraft(key: string, kind: RuleSetKind): Draft {
  return {
    key,
    name: key,
    kind,
    hitPolicy: kind === 'exitCriteria' || kind === 'actions' ? 'all' : 'first',
    facts: {},
    rules: [],
    ...(kind === 'territory' ? { fallback: { territory: 'Unsorted' } } : {}),
  };
}

export function rulesOf(draft: Draft): DraftRule[] {
  return Array.isArray(draft.rules) ? (draft.rules as unknown[]).filter((rule): rule is DraftRule => typeof rule === 'object' && rule !== null) : [];
}

export function factsOf(draft: Draft): Record<string, FactType> {
  const facts = draft.facts;
  return typeof facts === 'object' && facts !== null && !Array.isArray(facts) ? (facts as Record<string, FactType>) : {};
}

export function withRule(draft: Draft, index: number, rule: DraftRule): Draft {
  const rules = rulesOf(draft).slice();
  rules[index] = rule;
  return { ...draft, rules };
}

export function withoutRule(draft: Draft, index: number): Draft {
  return { ...draft, rules: rulesOf(draft).filter((_, at) => at !== index) };
}

/** Appends a rule with a fresh id (`rule-<n>`), no condition yet and an example result of the kind. */
export function withNewRule(draft: Draft): Draft {
  const rules = rulesOf(draft);
  const ids = new Set(rules.map((rule) => rule.id));
  let n = rules.length + 1;
  while (ids.has(`rule-${n}`)) n += 1;
  return { ...draft, rules: [...rules, { id: `rule-${n}`, conditions: { all: [] }, result: exampleResult(draft.kind) }] };
}

export function withFact(draft: Draft, name: string, type: FactType): Draft {
  return { ...draft, facts: { ...factsOf(draft), [name]: type } };
}

export function withoutFact(draft: Draft, name: string): Draft {
  const facts = { ...factsOf(draft) };
  delete facts[name];
  return { ...draft, facts };
}

/** The editor's JSON text of a draft. */
export function draftText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

/** A JSON text as a draft, or the parse error's message; a JSON value that is no object is refused too. */
export function parseDraft(text: string): { ok: true; draft: Draft } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'not-object' };
    return { ok: true, draft: value as Draft };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
