// The instance's user tasks (open and done): name, element, who holds it, state.
import { Badge, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { QueryState } from '../../../app/ui/query-state';
import { instanceTasksQuery } from '../api/instance.queries';
import type { ElementNames } from '../diagram/bpmn-diagram';
import { elementLabel } from './element-label';

const TASK_COLORS: Record<string, string> = { created: 'blue', completed: 'green', cancelled: 'gray' };

export function TasksPanel({ instanceId, names }: { instanceId: string; names: ElementNames }) {
  const { t } = useTranslation('instances');
  const tasks = useQuery(instanceTasksQuery(instanceId));
  return (
    <QueryState query={tasks} isEmpty={(page) => page.items.length === 0} empty={t('tasks.empty')}>
      {(page) => (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.name')}</Table.Th>
                <Table.Th>{t('tasks.element')}</Table.Th>
                <Table.Th>{t('tasks.assignee')}</Table.Th>
                <Table.Th>{t('tasks.state')}</Table.Th>
                <Table.Th>{t('tasks.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.name ?? task.elementId ?? '—'}</Table.Td>
                  <Table.Td>{elementLabel(task.elementId, names)}</Table.Td>
                  <Table.Td>{task.assignee ?? t('tasks.unassigned')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={TASK_COLORS[task.state] ?? 'gray'}>
                      {task.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(task.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}
