// The studio's lint configuration with its messages through i18next (the `modeler` namespace's
// `lint` section). One object per i18next instance: bpmn-js is created once per configuration, so
// a new object would re-create the modeler. `getFixedT(null, …)` reads the current language at each
// call, so a language change shows at the next lint without a new modeler.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createStageflowLinterConfig, lintTextOf } from '../lint';
import type { LinterConfig } from '../lint';

export function useLinterConfig(): LinterConfig {
  const { i18n } = useTranslation('modeler');
  return useMemo(() => createStageflowLinterConfig(lintTextOf(i18n.getFixedT(null, 'modeler'))), [i18n]);
}
