import { Badge, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { usersQuery } from './users.api';

export function UsersPage() {
  const { t } = useTranslation('adminUsers');
  const users = useQuery(usersQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={users} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('username')}</Table.Th>
                  <Table.Th>{t('roles')}</Table.Th>
                  <Table.Th>{t('teams')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                  <Table.Th>{t('created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.username}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.map((role) => (
                          <Badge key={role} variant="light">
                            {role}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{user.teams.join(', ')}</Table.Td>
                    <Table.Td>{user.active ? t('active') : t('inactive')}</Table.Td>
                    <Table.Td>{formatDate(user.createdAt)}</Table.Td>
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
