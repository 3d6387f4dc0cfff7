// The FEEL condition builder (docs/studio.md, "Conditions"): the pure model with its FEEL
// reading and writing, and the builder component the modeler shows on a sequence flow.
export * from './condition-model';
export { toFeel, literal as feelLiteral } from './condition-to-feel';
export { fromFeel, type FromFeelResult } from './condition-from-feel';
export { ConditionBuilder, type ConditionBuilderProps } from './condition-builder';
export type { ConditionField } from './condition-draft';
