// A Boolean attribute as a checkbox (stageflow:async): checked writes `true`, unchecked removes it.
import { CheckboxEntry, isCheckboxEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { EntryDefinition, EntryProps, Modeling, PanelText } from '../panel-types';

export interface FlagOptions {
  id: string;
  attribute: string;
  label: string;
  description?: string;
}

export function flagEntry(options: FlagOptions): EntryDefinition {
  return { id: options.id, component: Flag as EntryDefinition['component'], isEdited: isCheckboxEntryEdited, options };
}

function Flag({ element, options }: EntryProps & { options: FlagOptions }) {
  const modeling = useService<Modeling>('modeling');
  const t = useService<PanelText>('stageflowTranslate');
  const holder = element.businessObject;
  return h(CheckboxEntry, {
    element,
    id: options.id,
    label: t(options.label),
    description: options.description ? t(options.description) : undefined,
    getValue: () => holder.get(options.attribute) === true,
    setValue: (value: boolean) => modeling.updateModdleProperties(element, holder, { [options.attribute]: value ? true : undefined }),
  });
}
