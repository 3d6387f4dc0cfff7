// Every change of a package's parameters, newest first: version, when, who, why, old and new values (as JSON text).
import { Code, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { QueryState } from '../../app/ui/query-state';
import { parameterHistoryQuery } from './api/parameters.api';

export function ParameterHistory({ name }: { name: string }) {
  const { t } = useTranslation('parameters');
  const history = useQuery(parameterHistoryQuery(name));
  return (
    <section aria-label={t('history.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      <QueryState query={history} isEmpty={(page) => page.items.length === 0} empty={t('history.empty')}>
        {(page) => (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.version')}</Table.Th>
                  <Table.Th>{t('history.when')}</Table.Th>
                  <Table.Th>{t('history.who')}</Table.Th>
                  <Table.Th>{t('history.reason')}</Table.Th>
                  <Table.Th>{t('history.old')}</Table.Th>
                  <Table.Th>{t('history.new')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((change) => (
                  <Table.Tr key={change.version} data-version={change.version}>
                    <Table.Td>{change.version}</Table.Td>
                    <Table.Td>{formatDateTime(change.changedAt)}</Table.Td>
                    <Table.Td>{change.changedBy ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`history.reasons.${change.reason}`)}</Text>
                      {change.comment !== null && <Text size="sm">{change.comment}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Code block>{JSON.stringify(change.old, null, 1)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code block>{JSON.stringify(change.new, null, 1)}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </section>
  );
}
