// What changed between two versions of a diagram, element by element: bpmn-js-differ finds the
// elements added, removed, changed and only moved; the properties that changed are read from the
// two models here (as plain text, in a stable order), so the list says what an analyst changed —
// "candidateGroups: sales → inside-sales", "conditionExpression.body: = x > 1 → = x > 5".
import { diff } from 'bpmn-js-differ';

/** A moddle element as bpmn-moddle (and bpmn-js's getDefinitions) gives it. */
export interface ModdleNode {
  readonly $type: string;
  readonly id?: string;
  readonly [property: string]: unknown;
}

export type ChangeKind = 'removed' | 'added' | 'changed' | 'layoutChanged';

export interface PropertyChange {
  /** The property's path, nested ones dotted: `name`, `candidateGroups`, `conditionExpression.body`. */
  property: string;
  /** The text before and after; null where the property was not set. */
  before: string | null;
  after: string | null;
}

export interface VersionChange {
  elementId: string;
  kind: ChangeKind;
  /** The BPMN type without its prefix: `UserTask`, `SequenceFlow`. */
  type: string;
  /** The element's name in the newer version (the older one for a removed element), or null. */
  name: string | null;
  /** For `changed`: what differs. Empty for the other kinds. */
  properties: PropertyChange[];
}

const KIND_ORDER: Record<ChangeKind, number> = { removed: 0, added: 1, changed: 2, layoutChanged: 3 };

/** Properties that are not the element's own settings: its children (compared on their own), its drawing, its back-links. */
const SKIPPED = new Set(['$parent', 'di', 'flowElements', 'artifacts', 'laneSets', 'lanes', 'incoming', 'outgoing', 'rootElements', 'diagrams']);
/** How deep nested settings are followed (extensionElements.values[0].inputParameters[1].source is 4). */
const MAX_DEPTH = 5;

export function versionChanges(before: ModdleNode, after: ModdleNode): VersionChange[] {
  const result = diff(before, after);
  const beforeById = indexById(before);
  const afterById = indexById(after);
  const changes: VersionChange[] = [];
  const entry = (elementId: string, kind: ChangeKind, element: ModdleNode | undefined, properties: PropertyChange[] = []) => {
    if (!element || element.$type === 'bpmn:Definitions') return;
    changes.push({ elementId, kind, type: element.$type.replace(/^[^:]*:/, ''), name: textOf(element.name), properties });
  };
  for (const id of Object.keys(result._removed)) entry(id, 'removed', beforeById.get(id));
  for (const id of Object.keys(result._added)) entry(id, 'added', afterById.get(id));
  for (const id of Object.keys(result._changed)) {
    const older = beforeById.get(id);
    const newer = afterById.get(id);
    if (!older || !newer) continue;
    const properties = propertyChanges(older, newer);
    // A container whose only change is in its children (listed on their own) says nothing more.
    if (properties.length > 0) entry(id, 'changed', newer, properties);
  }
  for (const id of Object.keys(result._layoutChanged)) {
    if (result._changed[id] === undefined) entry(id, 'layoutChanged', afterById.get(id));
  }
  return changes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name ?? a.elementId).localeCompare(b.name ?? b.elementId));
}

/** The settings of two versions of one element that differ, by dotted path. */
export function propertyChanges(older: ModdleNode, newer: ModdleNode): PropertyChange[] {
  const before = flatten(older);
  const after = flatten(newer);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => ({ property: path, before: before.get(path) ?? null, after: after.get(path) ?? null }));
}

function indexById(root: ModdleNode): Map<string, ModdleNode> {
  const byId = new Map<string, ModdleNode>();
  const seen = new Set<ModdleNode>();
  const visit = (node: ModdleNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (typeof node.id === 'string' && !byId.has(node.id)) byId.set(node.id, node);
    for (const [key, value] of ownProperties(node)) {
      if (key === 'di') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        // Only owned children: a reference (sourceRef, default) points at an element indexed where it lives.
        if (isNode(child) && child.$parent === node) visit(child);
      }
    }
  };
  visit(root);
  return byId;
}

/** The element's own settings as path -> text: plain values, references by id, owned children followed. */
function flatten(element: ModdleNode): Map<string, string> {
  const values = new Map<string, string>();
  const walk = (node: ModdleNode, prefix: string, depth: number) => {
    // Other tools' attributes (and unknown ones) live in $attrs, which moddle keeps out of the own properties.
    const attributes = (node.$attrs ?? {}) as Record<string, unknown>;
    for (const [attribute, text] of Object.entries(attributes)) {
      if (!attribute.startsWith('xmlns')) values.set(prefix + attribute, String(text));
    }
    for (const [key, value] of ownProperties(node)) {
      if (SKIPPED.has(key) || key === 'id') continue;
      const path = prefix + key;
      if (Array.isArray(value)) {
        value.forEach((item, index) => add(`${path}[${index}]`, item, node, depth));
        continue;
      }
      add(path, value, node, depth);
    }
  };
  const add = (path: string, value: unknown, owner: ModdleNode, depth: number) => {
    if (value === undefined || value === null) return;
    if (isNode(value)) {
      // A reference is its target's id; an owned child (a condition, a timer, extension elements) is followed.
      if (value.$parent !== owner && typeof value.id === 'string') values.set(path, value.id);
      else if (depth < MAX_DEPTH) {
        values.set(`${path}.$type`, value.$type);
        walk(value, `${path}.`, depth + 1);
      }
      return;
    }
    if (typeof value === 'object') return;
    values.set(path, String(value));
  };
  walk(element, '', 0);
  return values;
}

/** The properties moddle set on the element — references are own but not enumerable — without its $ bookkeeping. */
function ownProperties(node: ModdleNode): [string, unknown][] {
  return Object.getOwnPropertyNames(node)
    .filter((key) => !key.startsWith('$'))
    .map((key) => [key, node[key]]);
}

function isNode(value: unknown): value is ModdleNode {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
