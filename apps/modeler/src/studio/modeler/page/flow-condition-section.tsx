// The condition builder beside the properties panel when the selected element is a sequence flow
// whose condition the engine evaluates (out of an exclusive or inclusive gateway). It edits the same
// FEEL text as the panel's Condition entry, through the same command, so undo covers both.
import { Paper, Title } from '@mantine/core';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder, type ConditionField } from '../conditions';
import { flowCondition, hasEvaluatedCondition, setFlowCondition, type BpmnFactory, type DiagramElement, type Modeling } from '../properties';

export function FlowConditionSection({ modeler, element, fields }: { modeler: BpmnModeler; element: DiagramElement; fields: readonly ConditionField[] }) {
  const { t } = useTranslation('modeler');
  if (!hasEvaluatedCondition(element)) return null;
  const name = element.businessObject.get('name');
  const flow = typeof name === 'string' && name !== '' ? `${name} (${element.id})` : element.id;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="modeler-condition-title">
      <Title order={2} size="h5" id="modeler-condition-title" mb="xs">
        {t('condition.title', { flow })}
      </Title>
      <ConditionBuilder
        value={flowCondition(element)}
        onChange={(text) => setFlowCondition(element, text, modeler.get<Modeling>('modeling'), modeler.get<BpmnFactory>('bpmnFactory'))}
        fields={fields}
        label={t('condition.label', { flow })}
      />
    </Paper>
  );
}
