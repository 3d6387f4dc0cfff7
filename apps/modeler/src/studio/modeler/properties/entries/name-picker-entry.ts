// A select beside a free-text attribute that also takes FEEL or lists (assignee, candidate groups,
// starters): picking a known name writes it — replacing the value, or appending it to the
// comma-separated list. The text entry stays the place to type an expression; this one only appears
// when the engine gave us the names.
import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { EntryDefinition, EntryProps, Modeling, PanelText } from '../panel-types';
import type { StageflowPickerData, StageflowPickers } from '../stageflow-pickers';
import { attributeText, holderOf, type AttributeTextOptions } from './attribute-text-entry';

export interface NamePickerOptions {
  id: string;
  attribute: string;
  /** i18n keys: the entry's label and its empty option. */
  label: string;
  placeholder: string;
  names: (pickers: StageflowPickerData) => string[] | undefined;
  /** replace: the value becomes the name; append: the name is added to the comma-separated list. */
  mode: 'replace' | 'append';
  holder?: AttributeTextOptions['holder'];
}

export function namePickerEntry(options: NamePickerOptions): EntryDefinition {
  return { id: options.id, component: NamePicker as EntryDefinition['component'], options };
}

/** The comma-separated list's items, trimmed, empty ones dropped. */
export function listItems(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The attribute's next value when `name` is picked (a FEEL list is replaced: it cannot be appended to). */
export function pickedValue(current: string, name: string, mode: NamePickerOptions['mode']): string {
  if (mode === 'replace' || current.trim().startsWith('=')) return name;
  const items = listItems(current);
  return items.includes(name) ? items.join(', ') : [...items, name].join(', ');
}

function NamePicker({ element, options }: EntryProps & { options: NamePickerOptions }) {
  const modeling = useService<Modeling>('modeling');
  const pickers = useService<StageflowPickers>('stageflowPickers');
  const t = useService<PanelText>('stageflowTranslate');
  const names = options.names(pickers.current);
  const holder = holderOf(element, options.holder);
  if (!names || names.length === 0 || !holder) return null;
  const current = () => attributeText(holder, options.attribute);
  return h(SelectEntry, {
    element,
    id: options.id,
    label: t(options.label),
    // The select shows the value only when it is exactly one known name (replace mode).
    getValue: () => (options.mode === 'replace' && names.includes(current()) ? current() : ''),
    setValue: (name: string) => {
      if (name !== '') modeling.updateModdleProperties(element, holder, { [options.attribute]: pickedValue(current(), name, options.mode) });
    },
    getOptions: () => [{ value: '', label: t(options.placeholder) }, ...[...names].sort().map((name) => ({ value: name, label: name }))],
  });
}
