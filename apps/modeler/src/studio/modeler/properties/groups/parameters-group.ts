// The package parameters a diagram's FEEL may read as `params.<name>`, with their current values:
// shown on the process, as text, for the analyst to write expressions with (the engine checks at a
// package deploy that every `params.<name>` is declared).
import { Group } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement, GroupDefinition, PanelText } from '../panel-types';
import type { StageflowPickers } from '../stageflow-pickers';

export function parametersGroup(element: DiagramElement, pickers: StageflowPickers, t: PanelText): GroupDefinition | null {
  if (!is(element, 'bpmn:Process') && !is(element, 'bpmn:Participant') && !is(element, 'bpmn:Collaboration')) return null;
  if (!pickers.current.parameters || pickers.current.parameters.length === 0) return null;
  return {
    id: 'stageflow-parameters',
    label: t('properties.groups.parameters'),
    component: Group,
    entries: [{ id: 'stageflow-parameter-list', component: ParameterList as never }],
  };
}

function ParameterList() {
  const pickers = useService<StageflowPickers>('stageflowPickers');
  const t = useService<PanelText>('stageflowTranslate');
  const parameters = pickers.current.parameters ?? [];
  return h(
    'div',
    { class: 'bio-properties-panel-entry stageflow-parameters' },
    h('p', { class: 'bio-properties-panel-description' }, t('properties.parametersHelp')),
    h(
      'dl',
      null,
      parameters.map((parameter) => [
        h('dt', { key: `${parameter.name}-name` }, h('code', null, `params.${parameter.name}`)),
        h('dd', { key: `${parameter.name}-value` }, parameter.value),
      ]),
    ),
  );
}
