// An instance's state as a coloured badge with its name in words.
import { Badge } from '@mantine/core';
import type { ProcessInstanceState } from '@stageflow/api-contract';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ProcessInstanceState, string> = { active: 'blue', completed: 'green', terminated: 'gray', incident: 'red' };

export function StateBadge({ state }: { state: ProcessInstanceState }) {
  const { t } = useTranslation('instances');
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`states.${state}`)}
    </Badge>
  );
}
