// The deployed packages, one row each, with every version (active or not, who deployed it, when) behind a button.
import type { PackageView } from '@stageflow/api-contract';
import { Badge, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { RowWithVersions } from './row-with-versions';

export function PackagesTable({ packages, labelledBy }: { packages: PackageView[]; labelledBy: string }) {
  const { t } = useTranslation('processes');
  const [open, setOpen] = useState<string | undefined>();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-labelledby={labelledBy} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('package')}</Table.Th>
            <Table.Th>{t('activeVersion')}</Table.Th>
            <Table.Th>{t('lastChange')}</Table.Th>
            <Table.Th>{t('versions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {packages.map((pkg) => {
            const expanded = open === pkg.name;
            const panelId = `package-versions-${pkg.name}`;
            return (
              <RowWithVersions
                key={pkg.name}
                name={pkg.name}
                detail={pkg.description}
                cells={
                  <>
                    <Table.Td>{pkg.activeVersion}</Table.Td>
                    <Table.Td>{t('deployedByAt', { by: pkg.updatedBy ?? t('unknownDeployer'), at: formatDateTime(pkg.updatedAt) })}</Table.Td>
                  </>
                }
                columns={4}
                versionCount={pkg.versions.length}
                panelId={panelId}
                expanded={expanded}
                onToggle={() => setOpen(expanded ? undefined : pkg.name)}
              >
                <Table aria-label={t('versionsOf', { name: pkg.name })} withRowBorders={false} verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('version')}</Table.Th>
                      <Table.Th>{t('deployedBy')}</Table.Th>
                      <Table.Th>{t('deployedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pkg.versions.map((version) => (
                      <Table.Tr key={version.version}>
                        <Table.Td>
                          {version.version}{' '}
                          {version.active && (
                            <Badge variant="light" color="green">
                              {t('active')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{version.deployedBy ?? t('unknownDeployer')}</Table.Td>
                        <Table.Td>{formatDateTime(version.deployedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </RowWithVersions>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
