// bpmn-js-differ 3 ships no types; this is the part the version diff uses. Each map is keyed by
// element id. (`_changed`'s attrs name the properties that differ; their old/new values are read
// from the two models instead — see version-changes.ts.)
declare module 'bpmn-js-differ' {
  export interface DiffResult {
    _added: Record<string, { $type: string }>;
    _removed: Record<string, { $type: string }>;
    _changed: Record<string, { model: { $type: string }; attrs: Record<string, unknown> }>;
    _layoutChanged: Record<string, { $type: string }>;
  }
  export function diff(oldDefinitions: object, newDefinitions: object): DiffResult;
}
