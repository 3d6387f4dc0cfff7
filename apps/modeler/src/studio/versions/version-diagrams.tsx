// The heavy half of the versions screen, loaded lazily with bpmn-js and bpmn-js-differ: one version
// drawn read-only, or two side by side with their differences marked on both and listed beside.
import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ProcessDefinitionDiagramView } from '@stageflow/api-contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { LoadingState } from '../../app/ui/query-state';
import { ChangesList } from './changes-list';
import { VersionCanvas } from './canvas/version-canvas';
import { markersFor } from './canvas/version-markers';
import { versionChanges, type ModdleNode } from './diff/version-changes';

export function VersionDiagrams({ after, before }: { after: ProcessDefinitionDiagramView; before?: ProcessDefinitionDiagramView }) {
  return before ? <VersionDiff before={before} after={after} /> : <VersionView version={after} />;
}

function VersionView({ version }: { version: ProcessDefinitionDiagramView }) {
  const { t } = useTranslation('versions');
  return (
    <Stack gap="xs">
      <VersionCaption version={version} />
      <VersionCanvas xml={version.xml} label={t('diagramOf', { name: version.name ?? version.key, version: version.version })} tall />
    </Stack>
  );
}

function VersionDiff({ before, after }: { before: ProcessDefinitionDiagramView; after: ProcessDefinitionDiagramView }) {
  const { t } = useTranslation('versions');
  const [beforeDefinitions, setBeforeDefinitions] = useState<{ xml: string; definitions: ModdleNode }>();
  const [afterDefinitions, setAfterDefinitions] = useState<{ xml: string; definitions: ModdleNode }>();
  const [focused, setFocused] = useState<string>();
  // Both diagrams read (and the definitions of the versions asked for, not of the previous pair).
  const ready = beforeDefinitions?.xml === before.xml && afterDefinitions?.xml === after.xml;
  const changes = useMemo(
    () => (ready ? versionChanges(beforeDefinitions.definitions, afterDefinitions.definitions) : undefined),
    [ready, beforeDefinitions, afterDefinitions],
  );
  const beforeMarkers = useMemo(() => (changes ? markersFor(changes, 'before') : undefined), [changes]);
  const afterMarkers = useMemo(() => (changes ? markersFor(changes, 'after') : undefined), [changes]);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Stack gap="xs">
            <VersionCaption version={before} role={t('older')} />
            <VersionCanvas
              xml={before.xml}
              label={t('diagramOf', { name: before.name ?? before.key, version: before.version })}
              markers={beforeMarkers}
              focused={focused}
              onImported={(definitions) => setBeforeDefinitions({ xml: before.xml, definitions })}
            />
          </Stack>
          <Stack gap="xs">
            <VersionCaption version={after} role={t('newer')} />
            <VersionCanvas
              xml={after.xml}
              label={t('diagramOf', { name: after.name ?? after.key, version: after.version })}
              markers={afterMarkers}
              focused={focused}
              onImported={(definitions) => setAfterDefinitions({ xml: after.xml, definitions })}
            />
          </Stack>
          <Legend />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        {changes ? <ChangesList changes={changes} focused={focused} onFocus={setFocused} /> : <LoadingState label={t('comparing')} />}
      </Grid.Col>
    </Grid>
  );
}

function VersionCaption({ version, role }: { version: ProcessDefinitionDiagramView; role?: string }) {
  const { t } = useTranslation('versions');
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Title order={2} size="h4">
        {role ? t('versionWithRole', { version: version.version, role }) : t('versionNumber', { version: version.version })}
      </Title>
      <Text size="xs" c="dimmed">
        {t('deployedFrom', { at: formatDateTime(version.createdAt), file: version.resourceName })}
      </Text>
    </Group>
  );
}

/** The colours in words (the list says the same per element). */
function Legend() {
  const { t } = useTranslation('versions');
  return (
    <Text size="xs" c="dimmed">
      {t('legend')}
    </Text>
  );
}
