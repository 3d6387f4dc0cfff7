// A process version's diagram with, on each element, how many of its running instances wait there
// now (those the user sees), incidents in red; the counts also as a list, each a link to the
// explorer. Reached from the processes page: /studio/processes/:key/versions/:version/live.
import { Anchor, Button, Grid, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import type { ProcessDefinitionView, WaitingInstancesView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatNumber } from '../../../app/format';
import { PageHeader } from '../../../app/layout/page-header';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { LoadingState, QueryState } from '../../../app/ui/query-state';
import { definitionXmlQuery, processVersionsQuery, waitingInstancesQuery } from '../api/process-versions.queries';
import { BpmnDiagram, type ElementNames } from '../diagram/bpmn-diagram';
import { instancesPath, versionLivePath } from '../instance-paths';
import { elementLabel } from '../live/element-label';
import { waitingDecoration } from '../live/live-decoration';

export function VersionLivePage() {
  const { t } = useTranslation('instances');
  const { key = '', version: versionParam = '' } = useParams();
  const version = Number(versionParam);
  const versions = useQuery(processVersionsQuery(key));
  return (
    <QueryState query={versions}>
      {(page) => {
        const definition = page.items.find((item) => item.version === version);
        if (!definition) return <ErrorAlert error={new Error(t('version.unknownVersion', { version: versionParam }))} />;
        return <VersionLive definition={definition} versions={page.items} />;
      }}
    </QueryState>
  );
}

function VersionLive({ definition, versions }: { definition: ProcessDefinitionView; versions: ProcessDefinitionView[] }) {
  const { t } = useTranslation('instances');
  const navigate = useNavigate();
  const waiting = useQuery(waitingInstancesQuery(definition.key, definition.version));
  const xml = useQuery(definitionXmlQuery(definition.id));
  const [names, setNames] = useState<ElementNames>(new Map());
  const process = definition.name ?? definition.key;
  const decoration = useMemo(
    () =>
      waiting.data
        ? waitingDecoration(waiting.data, {
            waiting: (instances, incidents) =>
              incidents > 0 ? t('version.waitingIncidents', { count: instances, incidents }) : t('version.waiting', { count: instances }),
          })
        : { markers: [], badges: [] },
    [waiting.data, t],
  );

  return (
    <>
      <PageHeader title={t('version.title', { process, version: definition.version })}>
        <NativeSelect
          aria-label={t('version.otherVersions')}
          data={versions.map((item) => ({ value: String(item.version), label: `${t('version.otherVersions')} ${item.version}` }))}
          value={String(definition.version)}
          onChange={(event) => void navigate(versionLivePath(definition.key, Number(event.currentTarget.value)))}
        />
        <Button variant="default" onClick={() => void waiting.refetch()} loading={waiting.isFetching}>
          {t('version.refresh')}
        </Button>
      </PageHeader>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {xml.isPending && <LoadingState />}
          {xml.isError && <ErrorAlert error={xml.error} />}
          {xml.isSuccess && (
            <BpmnDiagram
              xml={xml.data}
              decoration={decoration}
              label={t('version.diagramLabel', { process, version: definition.version })}
              onElements={setNames}
              height={520}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="sm">
            <QueryState query={waiting} isEmpty={(data) => data.items.length === 0} empty={t('version.empty')}>
              {(data) => <WaitingList waiting={data} names={names} />}
            </QueryState>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

function WaitingList({ waiting, names }: { waiting: WaitingInstancesView; names: ElementNames }) {
  const { t } = useTranslation('instances');
  const total = waiting.items.reduce((sum, item) => sum + item.instances, 0);
  return (
    <Stack gap="sm">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('version.element')}</Table.Th>
            <Table.Th ta="right">{t('version.instances')}</Table.Th>
            <Table.Th ta="right">{t('version.incidents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {waiting.items.map((item) => (
            <Table.Tr key={item.elementId}>
              <Table.Td>{elementLabel(item.elementId, names)}</Table.Td>
              <Table.Td ta="right">{formatNumber(item.instances)}</Table.Td>
              <Table.Td ta="right">{item.incidents > 0 ? <Text c="red.8">{formatNumber(item.incidents)}</Text> : '0'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('version.waiting', { count: total })}</Text>
      <Group>
        <Anchor component={Link} to={instancesPath({ definitionKey: waiting.definitionKey, version: waiting.version })} size="sm">
          {t('version.showInstances')}
        </Anchor>
      </Group>
    </Stack>
  );
}
