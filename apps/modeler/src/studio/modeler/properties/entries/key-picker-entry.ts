// An attribute whose value is the key of something deployed (a rule set, an action template, a
// form): a select over the keys the engine knows. Without the list (not loaded, or not readable by
// this user) it is the plain text entry. A value that is not in the list stays selectable, marked as
// not deployed, so opening a diagram never rewrites it.
import { isSelectEntryEdited, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { EntryDefinition, EntryProps, Modeling, PanelText } from '../panel-types';
import type { PickedKey, StageflowPickerData, StageflowPickers } from '../stageflow-pickers';
import { attributeText, holderOf, type AttributeTextOptions } from './attribute-text-entry';

export interface KeyPickerOptions extends Omit<AttributeTextOptions, 'multiline' | 'validate'> {
  /** The keys to offer, from the engine's lists; undefined: not known. */
  keys: (pickers: StageflowPickerData) => PickedKey[] | undefined;
}

export function keyPickerEntry(options: KeyPickerOptions): EntryDefinition {
  return { id: options.id, component: KeyPicker as EntryDefinition['component'], isEdited: isSelectEntryEdited, options };
}

/** The select's options: none, every known key (by name), and the current value when it is unknown. */
export function keyOptions(keys: PickedKey[], current: string, t: PanelText): { value: string; label: string }[] {
  const options = [{ value: '', label: t('properties.none') }];
  for (const { key, name } of [...keys].sort((a, b) => a.key.localeCompare(b.key))) {
    options.push({ value: key, label: name && name !== key ? `${key} — ${name}` : key });
  }
  if (current !== '' && !keys.some((picked) => picked.key === current)) {
    options.push({ value: current, label: t('properties.notDeployed', { key: current }) });
  }
  return options;
}

function KeyPicker({ element, options }: EntryProps & { options: KeyPickerOptions }) {
  const modeling = useService<Modeling>('modeling');
  const pickers = useService<StageflowPickers>('stageflowPickers');
  const debounce = useService<(fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown>('debounceInput');
  const t = useService<PanelText>('stageflowTranslate');
  const holder = holderOf(element, options.holder);
  if (!holder) return null;
  const keys = options.keys(pickers.current);
  const label = t(options.label);
  const description = options.description ? t(options.description) : undefined;
  const setValue = (value: string | undefined) =>
    modeling.updateModdleProperties(element, holder, { [options.attribute]: value === undefined || value === '' ? undefined : value });
  const getValue = () => attributeText(holder, options.attribute);
  if (keys === undefined) return h(TextFieldEntry, { element, id: options.id, label, description, getValue, setValue, debounce });
  return h(SelectEntry, { element, id: options.id, label, description, getValue, setValue, getOptions: () => keyOptions(keys, getValue(), t) });
}
