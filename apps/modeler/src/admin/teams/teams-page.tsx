// Teams: their members; create, rename, change members, delete.
import { Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { NewTeamModal } from './new-team-modal';
import { TeamActions } from './team-actions';
import { teamsQuery } from './teams.api';

export function TeamsPage() {
  const { t } = useTranslation('adminTeams');
  const teams = useQuery(teamsQuery);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('title')}>
        <Button onClick={() => setCreating(true)}>{t('newTeam')}</Button>
      </PageHeader>
      <NewTeamModal opened={creating} onClose={() => setCreating(false)} />
      <QueryState query={teams} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('members')}</Table.Th>
                  <Table.Th>{t('created')}</Table.Th>
                  <Table.Th>{t('app:form.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td>{team.name}</Table.Td>
                    <Table.Td>{team.members.join(', ')}</Table.Td>
                    <Table.Td>{formatDate(team.createdAt)}</Table.Td>
                    <Table.Td>
                      <TeamActions team={team} />
                    </Table.Td>
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
