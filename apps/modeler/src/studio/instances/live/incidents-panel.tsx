// The instance's incidents, open first; an open one can be retried (after a confirmation).
import { Badge, Table, Text } from '@mantine/core';
import type { IncidentView } from '@stageflow/api-contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { EmptyState } from '../../../app/ui/query-state';
import { useRetryIncident } from '../api/instance.mutations';
import type { ElementNames } from '../diagram/bpmn-diagram';
import { ConfirmButton } from '../ui/confirm-button';
import { useNotifyDone } from '../ui/use-notify-done';
import { elementLabel } from './element-label';

export function IncidentsPanel({ instanceId, incidents, names }: { instanceId: string; incidents: IncidentView[]; names: ElementNames }) {
  const { t } = useTranslation('instances');
  const notifyDone = useNotifyDone();
  const retry = useRetryIncident(instanceId);
  if (incidents.length === 0) return <EmptyState>{t('incidents.empty')}</EmptyState>;
  const ordered = [...incidents].sort((a, b) => Number(a.state !== 'open') - Number(b.state !== 'open'));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.element')}</Table.Th>
            <Table.Th>{t('incidents.kind')}</Table.Th>
            <Table.Th>{t('incidents.message')}</Table.Th>
            <Table.Th>{t('incidents.created')}</Table.Th>
            <Table.Th>{t('incidents.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((incident) => (
            <Table.Tr key={incident.id}>
              <Table.Td>{elementLabel(incident.elementId, names)}</Table.Td>
              <Table.Td>{incident.kind}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {incident.message}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(incident.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {incident.state === 'open' ? (
                  <ConfirmButton
                    size="xs"
                    color="red.9"
                    variant="light"
                    title={t('incidents.retryTitle')}
                    text={t('incidents.retryText')}
                    confirmLabel={t('incidents.retryConfirm')}
                    ariaLabel={t('incidents.retryLabel', { element: elementLabel(incident.elementId, names) })}
                    onConfirm={async () => {
                      await retry.mutateAsync(incident.id);
                      notifyDone(t('incidents.retried'));
                    }}
                  >
                    {t('incidents.retry')}
                  </ConfirmButton>
                ) : (
                  <Badge variant="light" color="gray">
                    {t('incidents.resolved')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
