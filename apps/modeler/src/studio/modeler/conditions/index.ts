// The FEEL condition builder (docs/studio.md, "Conditions"): the pure model with its FEEL
// reading and writing.
export * from './condition-model.js';
export { toFeel, literal as feelLiteral } from './condition-to-feel.js';
export { fromFeel, type FromFeelResult } from './condition-from-feel.js';
