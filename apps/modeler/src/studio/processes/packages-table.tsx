// The deployed packages, one row each, with every version (active or not, who deployed it, when) behind a button.
import type { PackageView } from '@stageflow/api-contract';
import { Badge, Button, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';

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
              <Fragment key={pkg.name}>
                <Table.Tr>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {pkg.name}
                    </Text>
                    {pkg.description && (
                      <Text size="xs" c="dimmed">
                        {pkg.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{pkg.activeVersion}</Table.Td>
                  <Table.Td>{t('deployedByAt', { by: pkg.updatedBy ?? t('unknownDeployer'), at: formatDateTime(pkg.updatedAt) })}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      aria-expanded={expanded}
                      aria-controls={panelId}
                      onClick={() => setOpen(expanded ? undefined : pkg.name)}
                    >
                      {t('versionsButton', { count: pkg.versions.length })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={panelId}>
                    <Table.Td colSpan={4} bg="var(--mantine-color-gray-0)">
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
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
