// What a lint rule reports: a message key of the `modeler` namespace's `lint` section — keyed by the
// rule's id, `lint.<rule>.<message>` — and the values it interpolates (element names, FEEL text, the
// engine's reason). The linter turns it into text through i18next when it reports
// (createStageflowLinterConfig), so bpmn-js-bpmnlint's overlays and the problems list show the
// same translated sentence. The English texts live in locales/en.json; the key type is read from
// it, so a rule cannot name a message the file lacks.
import type modelerTexts from '../locales/en.json';

type LintTexts = (typeof modelerTexts)['lint'];

/** A rule id of the `lint` section: `stageflow/<rule>` or one of bpmnlint's rule names. */
export type LintRuleId = keyof LintTexts & string;

/** `<rule>.<message>`, e.g. `stageflow/gateway-default.noDefault`. */
export type LintMessageKey = { [Rule in LintRuleId]: `${Rule}.${keyof LintTexts[Rule] & string}` }[LintRuleId];

export interface LintMessage {
  key: LintMessageKey;
  values?: Readonly<Record<string, string>>;
}

/** Turns a message into the text shown; i18next's `t` of the `modeler` namespace in the app. */
export type LintText = (message: LintMessage) => string;

/** The section of the `modeler` namespace that holds the messages. */
export const LINT_KEY_PREFIX = 'lint';

/**
 * The LintText of an i18next `t` bound to the `modeler` namespace. Values are not HTML-escaped:
 * every consumer shows the text as text (bpmn-js-bpmnlint escapes, React renders text nodes).
 */
export function lintTextOf(t: (key: string, options: Record<string, unknown>) => string): LintText {
  return ({ key, values }) => t(`${LINT_KEY_PREFIX}.${key}`, { ...values, interpolation: { escapeValue: false } });
}
