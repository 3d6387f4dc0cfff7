export * from './contract/definition.js';
export * from './contract/commands.js';
export * from './contract/state.js';
export * from './contract/effects.js';
export * from './contract/interpret.js';
// Implementations (added by the interpreter work):
// export { compileBpmn } from './model/compile-bpmn.js';      (xml: string) => Promise<CompileResult>
// export { interpret } from './interpreter/interpret.js';     Interpret
// export { stageflowModdleDescriptor } from './moddle/stageflow.descriptor.js';
