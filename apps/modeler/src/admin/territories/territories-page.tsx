import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { territoriesQuery } from './territories.api';

export function TerritoriesPage() {
  const { t } = useTranslation('adminTerritories');
  const territories = useQuery(territoriesQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={territories} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('key')}</Table.Th>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('team')}</Table.Th>
                  <Table.Th>{t('defaultOwner')}</Table.Th>
                  <Table.Th>{t('actions')}</Table.Th>
                  <Table.Th>{t('updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((territory) => (
                  <Table.Tr key={territory.key}>
                    <Table.Td>{territory.key}</Table.Td>
                    <Table.Td>{territory.name}</Table.Td>
                    <Table.Td>{territory.team ?? ''}</Table.Td>
                    <Table.Td>{territory.defaultOwner ?? ''}</Table.Td>
                    <Table.Td>{territory.actions.join(', ')}</Table.Td>
                    <Table.Td>{formatDate(territory.updatedAt)}</Table.Td>
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
