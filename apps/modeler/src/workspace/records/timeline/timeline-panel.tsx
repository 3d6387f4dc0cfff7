// What happened to the record, newest first, a page at a time with the engine's cursor: field and
// stage changes, activities, comments, attachments, e-mails and the process's tasks. Every entry
// is text from the engine (its summary, a comment's body, the names it answered), shown as text; a
// change is shown in words (timeline-change-text.tsx).
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TimelineEntryView } from '@stageflow/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { EmptyState, LoadingState } from '../../../app/ui/query-state';
import { timelineQuery } from '../api/timeline.query';
import { TimelineChangeText } from './timeline-change-text';
import type { WorkspaceRecordType } from '../record-kinds';

export function TimelinePanel({ type, id, children }: { type: WorkspaceRecordType; id: string; children?: ReactNode }) {
  const { t } = useTranslation('records');
  const timeline = useInfiniteQuery(timelineQuery(type, id));
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="record-timeline-title">
      <Title order={2} size="h4" id="record-timeline-title" mb="sm">
        {t('sections.timeline')}
      </Title>
      {children}
      {timeline.isPending ? (
        <LoadingState />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState>{t('timeline.empty')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ol" aria-label={t('sections.timeline')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.map((entry, index) => (
            <TimelineItem key={`${entry.at}-${entry.kind}-${entry.ref?.id ?? index}-${index}`} type={type} entry={entry} />
          ))}
        </Stack>
      )}
      {timeline.hasNextPage && (
        <Button variant="default" mt="sm" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
          {t('timeline.more')}
        </Button>
      )}
    </Card>
  );
}

function TimelineItem({ type, entry }: { type: WorkspaceRecordType; entry: TimelineEntryView }) {
  const { t } = useTranslation('records');
  const body = entry.kind === 'comment' && typeof entry.details.body === 'string' ? entry.details.body : undefined;
  const download = entry.kind === 'attachment' && typeof entry.ref?.href === 'string' ? entry.ref.href : undefined;
  return (
    <li>
      <Group gap="xs" wrap="wrap">
        {/* Dark on white: the light variants of most colours fail WCAG AA contrast at this size. */}
        <Badge color="gray.8" variant="outline">
          {t(`timeline.kinds.${entry.kind}`)}
        </Badge>
        <Text size="sm" c="gray.7" component="time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </Text>
        {entry.actor && (
          <Text size="sm" c="gray.7">
            {t('timeline.by', { name: entry.actor.name })}
          </Text>
        )}
      </Group>
      {body === undefined ? <TimelineChangeText type={type} entry={entry} /> : <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body}</Text>}
      {download && (
        <Anchor href={download} size="sm" download>
          {t('attachments.download')}
        </Anchor>
      )}
    </li>
  );
}
