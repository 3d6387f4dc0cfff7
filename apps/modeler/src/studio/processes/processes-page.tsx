import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { processDefinitionsQuery } from './api/process-definitions.query';

export function ProcessesPage() {
  const { t } = useTranslation('processes');
  const definitions = useQuery(processDefinitionsQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={definitions} isEmpty={(page) => page.items.length === 0} empty={t('noDefinitions')}>
        {(page) => (
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('key')}</Table.Th>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('version')}</Table.Th>
                  <Table.Th>{t('deployedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((definition) => (
                  <Table.Tr key={definition.id}>
                    <Table.Td>{definition.key}</Table.Td>
                    <Table.Td>{definition.name ?? definition.key}</Table.Td>
                    <Table.Td>{definition.version}</Table.Td>
                    <Table.Td>{formatDateTime(definition.createdAt)}</Table.Td>
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
