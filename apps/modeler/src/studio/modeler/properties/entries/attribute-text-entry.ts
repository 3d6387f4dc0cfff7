// A text entry for one attribute of a moddle element (the element's business object unless the
// options name another holder, e.g. its message or its loop characteristics). Every change is one
// `element.updateModdleProperties` command, so undo/redo restore it; an emptied field removes the
// attribute instead of writing `attr=""`.
import { isTextAreaEntryEdited, isTextFieldEntryEdited, TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, EntryDefinition, EntryProps, ModdleElement, Modeling, PanelText } from '../panel-types';

export interface AttributeTextOptions {
  id: string;
  /** The attribute as the moddle property name: `stageflow:assignee`, `name`, ... */
  attribute: string;
  /** i18n keys of the modeler namespace. */
  label: string;
  description?: string;
  /** The element holding the attribute; the diagram element's business object when left out. */
  holder?: (element: DiagramElement) => ModdleElement | undefined;
  multiline?: boolean;
  /** Returns the i18n key of the problem with a typed value, or undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

export function attributeTextEntry(options: AttributeTextOptions): EntryDefinition {
  return {
    id: options.id,
    component: AttributeText as EntryDefinition['component'],
    isEdited: options.multiline ? isTextAreaEntryEdited : isTextFieldEntryEdited,
    options,
  };
}

/** The business object, or the holder the options name. */
export function holderOf(element: DiagramElement, holder: AttributeTextOptions['holder']): ModdleElement | undefined {
  return holder ? holder(element) : element.businessObject;
}

/** The attribute's text ('' when absent). */
export function attributeText(holder: ModdleElement | undefined, attribute: string): string {
  const value = holder?.get(attribute);
  return typeof value === 'string' ? value : '';
}

function AttributeText({ element, options }: EntryProps & { options: AttributeTextOptions }) {
  const modeling = useService<Modeling>('modeling');
  const debounce = useService<(fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown>('debounceInput');
  const t = useService<PanelText>('stageflowTranslate');
  const holder = holderOf(element, options.holder);
  if (!holder) return null;
  const props = {
    element,
    id: options.id,
    label: t(options.label),
    description: options.description ? t(options.description) : undefined,
    getValue: () => attributeText(holder, options.attribute),
    setValue: (value: string | undefined) =>
      modeling.updateModdleProperties(element, holder, { [options.attribute]: value === undefined || value === '' ? undefined : value }),
    debounce,
    validate: options.validate ? (value: string | undefined) => problemText(t, options.validate, value) : undefined,
  };
  return options.multiline ? h(TextAreaEntry, { ...props, rows: 2, monospace: true, autoResize: true }) : h(TextFieldEntry, props);
}

function problemText(t: PanelText, validate: AttributeTextOptions['validate'], value: string | undefined): string | undefined {
  if (!validate || value === undefined || value === '') return undefined;
  const key = validate(value);
  return key === undefined ? undefined : t(key);
}
