import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { teamsQuery } from './teams.api';

export function TeamsPage() {
  const { t } = useTranslation('adminTeams');
  const teams = useQuery(teamsQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={teams} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={500}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('members')}</Table.Th>
                  <Table.Th>{t('created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td>{team.name}</Table.Td>
                    <Table.Td>{team.members.join(', ')}</Table.Td>
                    <Table.Td>{formatDate(team.createdAt)}</Table.Td>
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
