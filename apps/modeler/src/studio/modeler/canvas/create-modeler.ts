// The bpmn-js modeler of the studio: bpmn-js with the properties panel, our stageflow provider and
// moddle extension (the engine's own descriptor from @stageflow/bpmn-runtime, never a copy), the lint
// (bpmn-js-bpmnlint with the studio's rules) and every text through i18next. This module is only
// reached through the lazily loaded modeler page, so none of it is in the first screen's bundle.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import { stageflowModdleDescriptor } from '@stageflow/bpmn-runtime';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import type { i18n } from 'i18next';
import { stageflowPropertiesModule } from '../properties';
import { i18nTranslateModule } from './i18n-translate-module';

export interface ModelerOptions {
  /** The element the diagram is drawn in. */
  canvas: HTMLElement;
  /** The element the properties panel is rendered in. */
  propertiesPanel: HTMLElement;
  i18next: i18n;
  /** The packed bpmnlint configuration (`{config, resolver}`) of the studio's rules. */
  lintConfig: unknown;
}

export function createModeler({ canvas, propertiesPanel, i18next, lintConfig }: ModelerOptions): BpmnModeler {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel },
    linting: { bpmnlint: lintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      stageflowPropertiesModule,
      lintModule,
      i18nTranslateModule(i18next),
      { stageflowTranslate: ['value', i18next.getFixedT(null, 'modeler')] },
    ],
    moddleExtensions: { stageflow: stageflowModdleDescriptor },
  });
}
