// A record's page (/workspace/records/:type/:id): its fields (custom ones included), what it is
// related to, its timeline with comments, its files, the process driving it and the actions the
// user may take. A record the caller may not see is "not found", as the engine answers (404).
import { Anchor, Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { RecordView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import { hasAnyRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-session';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { LoadingState } from '../../app/ui/query-state';
import { HandOverButton } from './actions/hand-over-button';
import { LogActivityButton } from './actions/log-activity-button';
import { usersQuery } from './api/record-actions.api';
import { recordQuery } from './api/record.query';
import { AttachmentsCard } from './attachments/attachments-card';
import { CommentComposer } from './comments/comment-composer';
import { RecordFieldsCard } from './fields/record-fields-card';
import { RecordProcessCard } from './process/record-process-card';
import { recordHref, recordTitle, recordTypeFrom, type WorkspaceRecordType } from './record-kinds';
import { RelatedRecordsCard } from './related/related-records-card';
import { TimelinePanel } from './timeline/timeline-panel';

// rjsf is heavy: it loads with the custom-field card only.
const CustomFieldsCard = lazy(async () => ({ default: (await import('./fields/custom-fields-card')).CustomFieldsCard }));

export function RecordPage() {
  const params = useParams();
  const type = recordTypeFrom(params.type);
  if (!type || !params.id) return <RecordNotFound />;
  return <RecordScreen key={`${type}/${params.id}`} type={type} id={params.id} />;
}

function RecordScreen({ type, id }: { type: WorkspaceRecordType; id: string }) {
  const { t } = useTranslation('records');
  const record = useQuery(recordQuery(type, id));
  if (record.isPending) return <LoadingState />;
  if (record.isError) {
    if (record.error instanceof ApiError && record.error.status === 404) return <RecordNotFound type={type} />;
    return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  }
  return <RecordLoaded type={type} record={record.data} title={recordTitle(type, record.data) || t('related.untitled')} />;
}

function RecordLoaded({ type, record, title }: { type: WorkspaceRecordType; record: RecordView; title: string }) {
  const { t } = useTranslation('records');
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user.roles, ['seller', 'manager', 'admin', 'integrator']);
  const canHandOver = hasAnyRole(user.roles, ['manager', 'admin', 'integrator']);
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={recordHref(type)} size="sm">
          {t('page.backTo', { list: t(`types.${type}.plural`) })}
        </Anchor>
        <PageHeader title={title}>
          {canEdit && <LogActivityButton type={type} id={record.id} />}
          {canHandOver && <HandOverButton type={type} record={record} />}
        </PageHeader>
        <Group gap="xs" mt={-8}>
          <Badge variant="light">{t(`types.${type}.one`)}</Badge>
          <OwnerText record={record} seesUsers={canHandOver} />
        </Group>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <RecordFieldsCard type={type} record={record} canEdit={canEdit} />
            <Suspense fallback={<LoadingState />}>
              <CustomFieldsCard type={type} record={record} canEdit={canEdit} />
            </Suspense>
            <TimelinePanel type={type} id={record.id}>
              {canEdit && <CommentComposer type={type} id={record.id} />}
            </TimelinePanel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <RecordProcessCard type={type} record={record} />
            <RelatedRecordsCard type={type} record={record} />
            <AttachmentsCard type={type} id={record.id} canEdit={canEdit} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The owner in words: "you", the team queue, or — for those who may list users — their name. */
function OwnerText({ record, seesUsers }: { record: RecordView; seesUsers: boolean }) {
  const { t } = useTranslation('records');
  const user = useCurrentUser();
  const users = useQuery({ ...usersQuery, enabled: seesUsers && record.ownerId !== null && record.ownerId !== user.id });
  let owner: string;
  if (record.ownerId === null) owner = t('owner.queue');
  else if (record.ownerId === user.id) owner = t('owner.you');
  else owner = users.data?.items.find((candidate) => candidate.id === record.ownerId)?.username ?? t('owner.someone');
  return (
    <Text size="sm" c="gray.7">
      {t('owner.label', { owner })}
    </Text>
  );
}

function RecordNotFound({ type }: { type?: WorkspaceRecordType }) {
  const { t } = useTranslation('records');
  return (
    <Stack>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text')}</Text>
      {type && (
        <Anchor component={Link} to={recordHref(type)}>
          {t('page.backTo', { list: t(`types.${type}.plural`) })}
        </Anchor>
      )}
    </Stack>
  );
}
