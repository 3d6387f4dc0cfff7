// The deployed packages, each opening its parameters.
import { Anchor, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../app/layout/page-header';
import { ListTable } from '../../app/ui/list-table';
import { QueryState } from '../../app/ui/query-state';
import { packagesQuery } from './api/parameters.api';

export function ParametersPage() {
  const { t } = useTranslation('parameters');
  const packages = useQuery(packagesQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={packages} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <ListTable minWidth={500} headings={[t('package'), t('activeVersion'), t('parameterVersion')]}>
            {list.items.map((pkg) => (
              <Table.Tr key={pkg.name}>
                <Table.Td>
                  <Anchor component={Link} to={`/studio/parameters/${encodeURIComponent(pkg.name)}`}>
                    {pkg.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{pkg.activeVersion}</Table.Td>
                <Table.Td>{pkg.parameterVersion}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
