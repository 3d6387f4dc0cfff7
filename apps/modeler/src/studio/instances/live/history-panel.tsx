// The instance's history in the order things happened: each event, its element and its details as
// text; an admin's variable edit reads as who set what from what to what.
import { Code, Table, Text } from '@mantine/core';
import type { HistoryEventView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { QueryState } from '../../../app/ui/query-state';
import { instanceHistoryQuery } from '../api/instance.queries';
import type { ElementNames } from '../diagram/bpmn-diagram';
import { jsonText } from '../ui/json-text';
import { elementLabel } from './element-label';

export function HistoryPanel({ instanceId, names }: { instanceId: string; names: ElementNames }) {
  const { t } = useTranslation('instances');
  const history = useQuery(instanceHistoryQuery(instanceId));
  return (
    <QueryState query={history} isEmpty={(list) => list.items.length === 0} empty={t('history.empty')}>
      {(list) => (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.at')}</Table.Th>
                <Table.Th>{t('history.event')}</Table.Th>
                <Table.Th>{t('history.element')}</Table.Th>
                <Table.Th>{t('history.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
                  <Table.Td>
                    <Code>{event.event}</Code>
                  </Table.Td>
                  <Table.Td>{elementLabel(event.elementId, names)}</Table.Td>
                  <Table.Td>
                    <EventDetails event={event} t={t} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}

interface VariableChange {
  name: string;
  old?: unknown;
  new: unknown;
}

function isEdit(payload: Record<string, unknown> | null): payload is { by: string; changes: VariableChange[] } {
  return payload !== null && typeof payload.by === 'string' && Array.isArray(payload.changes);
}

function EventDetails({ event, t }: { event: HistoryEventView; t: TFunction<'instances'> }) {
  if (event.event === 'variables-edited' && isEdit(event.payload)) {
    const { by, changes } = event.payload;
    return (
      <>
        {changes.map((change) => (
          <Text key={change.name} size="sm">
            {'old' in change
              ? t('history.edited', { by, name: change.name, old: jsonText(change.old), new: jsonText(change.new) })
              : t('history.editedNew', { by, name: change.name, new: jsonText(change.new) })}
          </Text>
        ))}
      </>
    );
  }
  if (event.payload === null) return null;
  return (
    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
      {jsonText(event.payload)}
    </Text>
  );
}
