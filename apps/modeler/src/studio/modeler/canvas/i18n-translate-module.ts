// bpmn-js's own texts (palette, context pad, properties panel labels) through i18next: bpmn-js calls
// `translate(template, replacements)` with English templates such as 'Append {type}'. The template is
// the i18next key of the `bpmnJs` namespace (no key or namespace separators, so any English sentence
// is a key) and its own English default; a locale file adds the translations.
import type { i18n } from 'i18next';

const NAMESPACE = 'bpmnJs';

export function i18nTranslateModule(i18next: i18n) {
  const translate = (template: string, replacements: Record<string, string> = {}): string => {
    const text = i18next.t(template, { ns: NAMESPACE, keySeparator: false, nsSeparator: false, defaultValue: template });
    return text.replace(/{([^}]+)}/g, (whole, name: string) => replacements[name] ?? whole);
  };
  return { translate: ['value', translate] };
}
