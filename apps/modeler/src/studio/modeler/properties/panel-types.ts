// The shapes the properties panel passes around, narrowed to what our provider reads.
import type { ComponentChild } from '@bpmn-io/properties-panel/preact';

/** A moddle element (business object, extension element, expression). */
export interface ModdleElement {
  readonly $type: string;
  $parent?: ModdleElement;
  readonly id?: string;
  get(name: string): unknown;
}

/** A diagram element (shape or connection) with its BPMN business object. */
export interface DiagramElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: ModdleElement;
}

/** The props every entry component gets: the diagram element plus the entry definition's own fields. */
export interface EntryProps {
  element: DiagramElement;
  id: string;
}

export interface EntryDefinition {
  id: string;
  component: (props: EntryProps) => ComponentChild;
  isEdited?: (node: HTMLElement) => boolean;
  /** Extra fields are passed to the component as props. */
  [extra: string]: unknown;
}

export interface GroupDefinition {
  id: string;
  label: string;
  component: unknown;
  entries?: EntryDefinition[];
  items?: ListItemDefinition[];
  add?: (event: Event) => void;
}

export interface ListItemDefinition {
  id: string;
  label: string;
  entries: EntryDefinition[];
  autoFocusEntry?: string;
  remove: (event: Event) => void;
}

/** One command of `properties-panel.multi-command-executor` (one undo step for all of them). */
export interface PanelCommand {
  cmd: 'element.updateModdleProperties' | 'element.updateProperties';
  context: Record<string, unknown>;
}

export interface CommandStack {
  execute(command: string, context: unknown): void;
}

export interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): ModdleElement & { $parent?: ModdleElement };
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

/** The modeler's text lookup for our own labels (`stageflowTranslate`, an i18next t of the modeler namespace). */
export type PanelText = (key: string, options?: Record<string, unknown>) => string;
