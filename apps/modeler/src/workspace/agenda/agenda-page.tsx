// The agenda: the user's day in their time zone — overdue and today's activities, today's
// meetings, tasks due by tonight, and the open deals by next-contact date, each deal with "log a
// call" and "log a meeting" (outcome and the next-contact date in the same dialog).
import type { AgendaRecordView, AgendaTaskView, AgendaView, RecordView } from '@stageflow/api-contract';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ErrorAlert } from '../../app/ui/error-alert';
import { QueryState } from '../../app/ui/query-state';
import { recordHref } from '../records/record-kinds';
import { RecordLink } from '../tasks/record-link';
import { agendaQuery, useMarkActivityDone } from './api/agenda.query';
import { LogActivityModal, type LogTarget } from './log-activity-modal';

/** The record an activity is on: the deal first, then the lead, the contact, the organization. */
function activityRecord(activity: RecordView): { type: string; id: string } | undefined {
  for (const [field, type] of [
    ['opportunityId', 'opportunity'],
    ['leadId', 'lead'],
    ['contactId', 'contact'],
    ['organizationId', 'organization'],
  ] as const) {
    const id = activity[field];
    if (typeof id === 'string') return { type, id };
  }
  return undefined;
}

export function AgendaPage() {
  const { t } = useTranslation('workspaceAgenda');
  const agenda = useQuery(agendaQuery());
  const [logging, setLogging] = useState<LogTarget | undefined>();
  return (
    <>
      <PageHeader title={t('title')} />
      <QueryState query={agenda}>
        {(day) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ActivitiesCard day={day} />
            <Section title={t('meetings.title')} empty={t('meetings.empty')} count={day.meetings.length}>
              {day.meetings.map((meeting) => (
                <ActivityLine key={meeting.id} activity={meeting} />
              ))}
            </Section>
            <Section title={t('tasks.title')} empty={t('tasks.empty')} count={day.tasks.length}>
              {day.tasks.map((task) => (
                <TaskLine key={task.id} task={task} />
              ))}
            </Section>
            <Section title={t('deals.title')} empty={t('deals.empty')} count={day.opportunities.length}>
              {day.opportunities.map((deal) => (
                <DealLine key={deal.id} deal={deal} onLog={setLogging} />
              ))}
            </Section>
          </SimpleGrid>
        )}
      </QueryState>
      <LogActivityModal target={logging} onClose={() => setLogging(undefined)} />
    </>
  );
}

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="gray.7">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {children}
        </Stack>
      )}
    </Card>
  );
}

function Overdue({ when }: { when: boolean }) {
  const { t } = useTranslation('workspaceAgenda');
  return when ? (
    <Badge color="red.8" variant="filled" size="sm">
      {t('overdue')}
    </Badge>
  ) : null;
}

function ActivitiesCard({ day }: { day: AgendaView }) {
  const { t } = useTranslation('workspaceAgenda');
  const done = useMarkActivityDone();
  return (
    <Section title={t('activities.title')} empty={t('activities.empty')} count={day.activities.length}>
      {done.isError && <ErrorAlert error={done.error} />}
      {day.activities.map((activity) => (
        <ActivityLine
          key={activity.id}
          activity={activity}
          action={
            <Button size="compact-xs" variant="default" loading={done.isPending && done.variables === activity.id} onClick={() => done.mutate(activity.id)}>
              {t('activities.done')}
            </Button>
          }
        />
      ))}
    </Section>
  );
}

function ActivityLine({ activity, action }: { activity: RecordView | AgendaRecordView; action?: ReactNode }) {
  const { t } = useTranslation('workspaceAgenda');
  const record = activityRecord(activity);
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="sm" fw={600}>
            <Badge variant="outline" color="gray.8" size="sm" mr={6}>
              {t(`kinds.${String(activity.kind)}`)}
            </Badge>
            {record === undefined ? (
              String(activity.subject)
            ) : (
              <RecordLink record={record} size="sm" fw={600}>
                {String(activity.subject)}
              </RecordLink>
            )}
          </Text>
          <Text size="xs" c="gray.7">
            {typeof activity.dueAt === 'string' ? formatDateTime(activity.dueAt) : t('noTime')} {activity.overdue === true && <Overdue when />}
            {activity.done === true && ` · ${t('activities.isDone')}`}
          </Text>
        </div>
        {action}
      </Group>
    </li>
  );
}

function TaskLine({ task }: { task: AgendaTaskView }) {
  const { t } = useTranslation('workspaceAgenda');
  return (
    <li>
      <Text size="sm" fw={600}>
        <Anchor component={Link} to={`/workspace/tasks/${encodeURIComponent(task.id)}`} size="sm" fw={600}>
          {task.name ?? task.elementId}
        </Anchor>
        {task.record !== null && (
          <>
            {' · '}
            <RecordLink record={task.record} size="sm">
              {task.record.title}
            </RecordLink>
          </>
        )}
      </Text>
      <Text size="xs" c="gray.7">
        {task.dueAt === null ? t('noTime') : formatDateTime(task.dueAt)} <Overdue when={task.overdue} />
      </Text>
    </li>
  );
}

function DealLine({ deal, onLog }: { deal: AgendaRecordView; onLog: (target: LogTarget) => void }) {
  const { t } = useTranslation('workspaceAgenda');
  const title = String(deal.name);
  const on = { type: 'opportunity', id: deal.id } as const;
  return (
    <li>
      <Group justify="space-between" wrap="wrap" align="flex-start" gap="xs">
        <div>
          <Anchor component={Link} to={recordHref('opportunity', deal.id)} size="sm" fw={600}>
            {title}
          </Anchor>
          <Text size="xs" c="gray.7">
            {typeof deal.nextContactAt === 'string' ? t('deals.nextContact', { when: formatDateTime(deal.nextContactAt) }) : t('deals.noNextContact')}{' '}
            <Overdue when={deal.overdue} />
            {typeof deal.stage === 'string' && ` · ${deal.stage}`}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-xs" variant="default" onClick={() => onLog({ kind: 'call', on, title })}>
            {t('log.call')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => onLog({ kind: 'meeting', on, title })}>
            {t('log.meeting')}
          </Button>
        </Group>
      </Group>
    </li>
  );
}
