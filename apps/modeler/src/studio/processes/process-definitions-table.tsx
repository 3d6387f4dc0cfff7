// The processes, one row each, with their versions behind a button: per version when and by whom
// (through which package version) it was deployed, how many instances run on it and how many are stuck.
import { Badge, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../app/format';
import type { ProcessRow, ProcessVersionRow } from './process-rows';
import { RowWithVersions } from './row-with-versions';

export function ProcessDefinitionsTable({ rows, labelledBy }: { rows: ProcessRow[]; labelledBy: string }) {
  const { t } = useTranslation('processes');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-labelledby={labelledBy} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('process')}</Table.Th>
            <Table.Th>{t('latestVersion')}</Table.Th>
            <Table.Th ta="right">{t('running')}</Table.Th>
            <Table.Th ta="right">{t('withIncident')}</Table.Th>
            <Table.Th>{t('deployed')}</Table.Th>
            <Table.Th>{t('versions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const expanded = open.has(row.key);
            const panelId = `versions-${row.key}`;
            return (
              <RowWithVersions
                key={row.key}
                name={row.name}
                detail={row.key}
                cells={
                  <>
                    <Table.Td>{t('versionNumber', { version: row.latest.version })}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.runningInstances)}</Table.Td>
                    <Table.Td ta="right">
                      <IncidentCount count={row.instancesWithIncident} />
                    </Table.Td>
                    <Table.Td>
                      <Deployed row={row.latest} />
                    </Table.Td>
                  </>
                }
                columns={6}
                versionCount={row.versions.length}
                panelId={panelId}
                expanded={expanded}
                onToggle={() => toggle(row.key)}
              >
                <VersionsTable row={row} />
              </RowWithVersions>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function VersionsTable({ row }: { row: ProcessRow }) {
  const { t } = useTranslation('processes');
  return (
    <Table aria-label={t('versionsOf', { name: row.name })} withRowBorders={false} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('version')}</Table.Th>
          <Table.Th>{t('deployedAt')}</Table.Th>
          <Table.Th>{t('deployedBy')}</Table.Th>
          <Table.Th>{t('package')}</Table.Th>
          <Table.Th>{t('file')}</Table.Th>
          <Table.Th ta="right">{t('running')}</Table.Th>
          <Table.Th ta="right">{t('withIncident')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.versions.map((version) => (
          <Table.Tr key={version.id}>
            <Table.Td>{t('versionNumber', { version: version.version })}</Table.Td>
            <Table.Td>{formatDateTime(version.createdAt)}</Table.Td>
            <Table.Td>{version.deployedBy ?? t('unknownDeployer')}</Table.Td>
            <Table.Td>
              {version.deployedWith
                ? t('packageVersion', { name: version.deployedWith.packageName, version: version.deployedWith.packageVersion })
                : t('noPackage')}
            </Table.Td>
            <Table.Td>{version.resourceName}</Table.Td>
            <Table.Td ta="right">{formatNumber(version.runningInstances)}</Table.Td>
            <Table.Td ta="right">
              <IncidentCount count={version.instancesWithIncident} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Deployed({ row }: { row: ProcessVersionRow }) {
  const { t } = useTranslation('processes');
  const by = row.deployedBy ?? t('unknownDeployer');
  return (
    <>
      <Text size="sm">{t('deployedByAt', { by, at: formatDateTime(row.createdAt) })}</Text>
      {row.deployedWith && (
        <Text size="xs" c="dimmed">
          {t('packageVersion', { name: row.deployedWith.packageName, version: row.deployedWith.packageVersion })}
        </Text>
      )}
    </>
  );
}

function IncidentCount({ count }: { count: number }) {
  if (count === 0) return <>{formatNumber(0)}</>;
  return (
    <Badge color="red" variant="light">
      {formatNumber(count)}
    </Badge>
  );
}
