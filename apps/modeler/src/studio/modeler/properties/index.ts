// The stageflow properties module for bpmn-js: add it with BpmnPropertiesPanelModule and
// BpmnPropertiesProviderModule to the modeler's additionalModules, plus a `stageflowTranslate`
// value (createModeler does both). The page feeds the pickers through the `stageflowPickers`
// service (StageflowPickers.update).
import { StageflowPickers } from './stageflow-pickers';
import { StageflowPropertiesProvider } from './stageflow-properties-provider';

export const stageflowPropertiesModule = {
  __init__: ['stageflowPropertiesProvider'],
  stageflowPropertiesProvider: ['type', StageflowPropertiesProvider],
  stageflowPickers: ['type', StageflowPickers],
};

export { StageflowPickers } from './stageflow-pickers';
export type { StageflowPickerData, PickedKey, PickedRuleSet, PickedParameter } from './stageflow-pickers';
export { flowCondition, hasEvaluatedCondition, setFlowCondition } from './groups/condition-group';
export type { DiagramElement, Modeling, BpmnFactory } from './panel-types';
