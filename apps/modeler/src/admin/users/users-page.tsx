// Users: who they are, their roles, teams and state; create one, change skills, set a password, deactivate.
import { Badge, Button, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ListTable } from '../../app/ui/list-table';
import { QueryState } from '../../app/ui/query-state';
import { teamsQuery } from '../teams/teams.api';
import { NewUserModal } from './new-user-modal';
import { UserActions } from './user-actions';
import { usersQuery } from './users.api';

export function UsersPage() {
  const { t } = useTranslation('adminUsers');
  const users = useQuery(usersQuery);
  const teams = useQuery(teamsQuery);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('title')}>
        <Button onClick={() => setCreating(true)}>{t('newUser')}</Button>
      </PageHeader>
      <NewUserModal opened={creating} onClose={() => setCreating(false)} teams={teams.data?.items ?? []} />
      <QueryState query={users} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <ListTable
            label={t('title')}
            minWidth={800}
            headings={[t('username'), t('roles'), t('teams'), t('skills'), t('status'), t('created'), t('app:form.actions')]}
          >
            {list.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light">
                        {t(`role.${role}`, { defaultValue: role })}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{user.teams.join(', ')}</Table.Td>
                <Table.Td>{user.skills.join(', ')}</Table.Td>
                <Table.Td>{user.active ? t('active') : <Badge color="gray">{t('inactive')}</Badge>}</Table.Td>
                <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                <Table.Td>
                  <UserActions user={user} />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
