// The workspace's start page: the signed-in user's open tasks (the full workspace is issue 14's).
import { Badge, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/use-session';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { myOpenTasksQuery } from './api/my-open-tasks.query';

export function WorkspaceHomePage() {
  const { t } = useTranslation('workspaceHome');
  const user = useCurrentUser();
  const tasks = useQuery(myOpenTasksQuery(user.username));
  // Read once per visit: overdue marks need no second-by-second precision.
  const [now] = useState(() => new Date().toISOString());
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={tasks} isEmpty={(page) => page.items.length === 0} empty={t('empty')}>
        {(page) => (
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('task')}</Table.Th>
                  <Table.Th>{t('about')}</Table.Th>
                  <Table.Th>{t('due')}</Table.Th>
                  <Table.Th>{t('priority')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((task) => (
                  <Table.Tr key={task.id}>
                    <Table.Td>{task.name ?? task.elementId}</Table.Td>
                    <Table.Td>{task.record?.title ?? ''}</Table.Td>
                    <Table.Td>
                      {task.dueAt === null ? (
                        t('noDue')
                      ) : (
                        <>
                          {formatDateTime(task.dueAt)}{' '}
                          {task.dueAt < now && (
                            <Badge color="red" variant="light">
                              {t('overdue')}
                            </Badge>
                          )}
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{task.priority ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </>
  );
}
