// The LintText the app builds, for specs: i18next with the modeler's English texts.
import i18next from 'i18next';
import modelerTexts from '../../locales/en.json' with { type: 'json' };
import { lintTextOf, type LintText } from '../lint-message';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { modeler: modelerTexts } }, ns: ['modeler'], defaultNS: 'modeler', interpolation: { escapeValue: false } });

export const englishLintText: LintText = lintTextOf(i18n.getFixedT(null, 'modeler'));
