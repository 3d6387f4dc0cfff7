// The live view of one instance: its diagram with where it waits, the path it took and how often it
// entered each element; its variables (an admin edits them), history, tasks and incidents (retry),
// and cancel. Everything from the diagram or the instance is rendered as text.
import { Anchor, Badge, Grid, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { IncidentView, InstancePathView, ProcessInstanceDetailView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../app/auth/use-session';
import { formatDateTime } from '../../../app/format';
import { PageHeader } from '../../../app/layout/page-header';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { LoadingState, QueryState } from '../../../app/ui/query-state';
import { useCancelInstance } from '../api/instance.mutations';
import { instanceIncidentsQuery, instancePathQuery, instanceQuery } from '../api/instance.queries';
import { definitionXmlQuery } from '../api/process-versions.queries';
import { BpmnDiagram, type ElementNames } from '../diagram/bpmn-diagram';
import { instancePath, instancesPath, versionLivePath } from '../instance-paths';
import { ConfirmButton } from '../ui/confirm-button';
import { useNotifyDone } from '../ui/use-notify-done';
import { StateBadge } from '../ui/state-badge';
import { elementLabel } from './element-label';
import { HistoryPanel } from './history-panel';
import { IncidentsPanel } from './incidents-panel';
import { instanceDecoration } from './live-decoration';
import { TasksPanel } from './tasks-panel';
import { VariablesPanel } from './variables-panel';

/** How often a running instance's detail, path and incidents are read again: the view stays live. */
const LIVE_REFRESH_MS = 5000;

const isRunning = (instance: ProcessInstanceDetailView | undefined): boolean => instance?.state === 'active' || instance?.state === 'incident';

export function InstanceLivePage() {
  const { id = '' } = useParams();
  const instance = useQuery({ ...instanceQuery(id), refetchInterval: (query) => (isRunning(query.state.data) ? LIVE_REFRESH_MS : false) });
  return <QueryState query={instance}>{(detail) => <LiveView instance={detail} />}</QueryState>;
}

function LiveView({ instance }: { instance: ProcessInstanceDetailView }) {
  const { t } = useTranslation('instances');
  const notifyDone = useNotifyDone();
  const user = useCurrentUser();
  const running = isRunning(instance);
  const refetchInterval = running ? LIVE_REFRESH_MS : false;
  const path = useQuery({ ...instancePathQuery(instance.id), refetchInterval });
  const incidents = useQuery({ ...instanceIncidentsQuery(instance.id), refetchInterval });
  const xml = useQuery(definitionXmlQuery(instance.definitionId));
  const cancel = useCancelInstance(instance.id);
  const [names, setNames] = useState<ElementNames>(new Map());
  const openIncidents = (incidents.data?.items ?? []).filter((incident) => incident.state === 'open');

  return (
    <>
      <PageHeader title={t('live.title', { process: instance.definitionKey })}>
        <StateBadge state={instance.state} />
        {running && (
          <ConfirmButton
            color="red.9"
            variant="outline"
            title={t('live.cancelTitle')}
            text={t('live.cancelText')}
            confirmLabel={t('live.cancelConfirm')}
            onConfirm={async () => {
              await cancel.mutateAsync(undefined);
              notifyDone(t('live.cancelled'));
            }}
          >
            {t('live.cancel')}
          </ConfirmButton>
        )}
      </PageHeader>
      <Stack>
        <Group gap="lg" wrap="wrap">
          <Anchor component={Link} to={instancesPath()} size="sm">
            {t('live.back')}
          </Anchor>
          <Anchor component={Link} to={versionLivePath(instance.definitionKey, instance.version)} size="sm">
            {t('live.versionLink', { process: instance.definitionKey, version: instance.version })}
          </Anchor>
          <Text size="sm" ff="monospace">
            {instance.id}
          </Text>
          {instance.businessKey && (
            <Text size="sm">
              {t('live.businessKey')}: {instance.businessKey}
            </Text>
          )}
          <Text size="sm">
            {t('live.started')}: {formatDateTime(instance.createdAt)}
          </Text>
          {instance.endedAt && (
            <Text size="sm">
              {t('live.ended')}: {formatDateTime(instance.endedAt)}
            </Text>
          )}
          {instance.parentInstanceId && (
            <Anchor component={Link} to={instancePath(instance.parentInstanceId)} size="sm">
              {t('live.parent')}
            </Anchor>
          )}
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 9 }}>
            {xml.isPending && <LoadingState />}
            {xml.isError && <ErrorAlert error={xml.error} />}
            {xml.isSuccess && path.isSuccess && (
              <LiveDiagram
                xml={xml.data}
                path={path.data}
                incidents={openIncidents}
                label={t('live.diagramLabel', { process: instance.definitionKey, version: instance.version })}
                onElements={setNames}
              />
            )}
            {path.isError && <ErrorAlert error={path.error} onRetry={() => void path.refetch()} />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <PathSummary path={path.data} names={names} />
          </Grid.Col>
        </Grid>
        <Tabs defaultValue="variables" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="variables">{t('live.tabs.variables')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('live.tabs.history')}</Tabs.Tab>
            <Tabs.Tab value="tasks">{t('live.tabs.tasks')}</Tabs.Tab>
            <Tabs.Tab
              value="incidents"
              rightSection={
                openIncidents.length > 0 ? (
                  <Badge size="xs" color="red.9" circle>
                    {openIncidents.length}
                  </Badge>
                ) : undefined
              }
            >
              {t('live.tabs.incidents')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="variables" pt="md">
            <VariablesPanel instance={instance} canEdit={user.roles.includes('admin')} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel instanceId={instance.id} names={names} />
          </Tabs.Panel>
          <Tabs.Panel value="tasks" pt="md">
            <TasksPanel instanceId={instance.id} names={names} />
          </Tabs.Panel>
          <Tabs.Panel value="incidents" pt="md">
            <QueryState query={incidents}>{(page) => <IncidentsPanel instanceId={instance.id} incidents={page.items} names={names} />}</QueryState>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function LiveDiagram({
  xml,
  path,
  incidents,
  label,
  onElements,
}: {
  xml: string;
  path: InstancePathView;
  incidents: IncidentView[];
  label: string;
  onElements: (names: ElementNames) => void;
}) {
  const { t } = useTranslation('instances');
  // The incidents' elements as one string (BPMN ids hold no comma): the decoration changes only when they do.
  const incidentKey = incidents
    .map((incident) => incident.elementId)
    .filter((elementId): elementId is string => elementId !== null)
    .join(',');
  const decoration = useMemo(
    () => instanceDecoration(path, incidentKey === '' ? [] : incidentKey.split(','), { entered: (count) => t('live.enteredTimes', { count }) }),
    [path, incidentKey, t],
  );
  return <BpmnDiagram xml={xml} decoration={decoration} label={label} onElements={onElements} />;
}

function PathSummary({ path, names }: { path: InstancePathView | undefined; names: ElementNames }) {
  const { t } = useTranslation('instances');
  if (!path) return null;
  const repeated = path.elements.filter((element) => element.entered > 1);
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5">
            {t('live.activeElements')}
          </Title>
          {path.activeElementIds.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('live.noActiveElements')}
            </Text>
          ) : (
            <List size="sm" data-testid="active-elements">
              {path.activeElementIds.map((elementId) => (
                <List.Item key={elementId}>{elementLabel(elementId, names)}</List.Item>
              ))}
            </List>
          )}
        </div>
        {repeated.length > 0 && (
          <div>
            <Title order={2} size="h5">
              {t('live.visitedSeveral')}
            </Title>
            <List size="sm">
              {repeated.map((element) => (
                <List.Item key={element.elementId}>
                  {elementLabel(element.elementId, names)}: {t('live.enteredTimes', { count: element.entered })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <div>
          <Title order={2} size="h5">
            {t('live.legend')}
          </Title>
          <List size="xs" c="gray.7">
            <List.Item>{t('live.legendActive')}</List.Item>
            <List.Item>{t('live.legendCompleted')}</List.Item>
            <List.Item>{t('live.legendIncident')}</List.Item>
            <List.Item>{t('live.legendCount')}</List.Item>
          </List>
        </div>
      </Stack>
    </Paper>
  );
}
