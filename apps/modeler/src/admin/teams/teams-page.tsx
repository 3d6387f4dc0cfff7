// Teams: their members; create, rename, change members, delete.
import { Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ListTable } from '../../app/ui/list-table';
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
          <ListTable label={t('title')} minWidth={640} headings={[t('name'), t('members'), t('created'), t('app:form.actions')]}>
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
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
