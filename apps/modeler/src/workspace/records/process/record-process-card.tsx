// The process driving the record: its instances (the running one first), where it stands, the
// opportunity's stage, and the open tasks the caller may see, each one click from its work — all in
// the diagram's words (process-words.ts), its state through i18n.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RecordView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { QueryState } from '../../../app/ui/query-state';
import { recordProcessQuery } from '../api/record-process.query';
import type { WorkspaceRecordType } from '../record-kinds';
import { processName, runningFirst, taskName, waitingAt } from './process-words';

/** Where a task is worked (the task list's page for one task). */
export function taskHref(taskId: string): string {
  return `/workspace/tasks/${encodeURIComponent(taskId)}`;
}

export function RecordProcessCard({ type, record }: { type: WorkspaceRecordType; record: RecordView }) {
  const { t } = useTranslation('records');
  const process = useQuery(recordProcessQuery(type, record.id));
  const stage = typeof record.stage === 'string' ? record.stage : null;
  return (
    <Card withBorder component="section" aria-labelledby="record-process-title">
      <Title order={2} size="h4" id="record-process-title" mb="sm">
        {t('sections.process')}
      </Title>
      {stage !== null && (
        <Group gap="xs" mb="xs">
          <Text size="sm" c="gray.7">
            {t('process.stage')}
          </Text>
          <Badge variant="filled">{stage}</Badge>
        </Group>
      )}
      <QueryState query={process} isEmpty={(state) => state.instances.length === 0} empty={t('process.none')}>
        {(state) => (
          <Stack gap="sm">
            {runningFirst(state.instances).map((instance) => (
              <div key={instance.id}>
                <Group gap="xs">
                  <Text fw={600}>{t('process.instance', { name: processName(instance), version: instance.version })}</Text>
                  {/* Dark on white: the light variants of most colours fail WCAG AA contrast at this size. */}
                  <Badge variant="outline" color={instance.state === 'incident' ? 'red.9' : instance.state === 'active' ? 'blue.9' : 'gray.8'}>
                    {t(`process.states.${instance.state}`, { defaultValue: instance.state })}
                  </Badge>
                </Group>
                {instance.activeElements.length > 0 && (
                  <Text size="sm" c="gray.7">
                    {t('process.waitsAt', { elements: waitingAt(instance).join(', ') })}
                  </Text>
                )}
              </div>
            ))}
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('process.openTasks')}
              </Title>
              {state.openTasks.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('process.noOpenTasks')}
                </Text>
              ) : (
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {state.openTasks.map((task) => (
                    <li key={task.id}>
                      <Anchor component={Link} to={taskHref(task.id)}>
                        {taskName(task)}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {[
                          task.assignee === null ? t('process.unassigned') : t('process.assignee', { name: task.assignee }),
                          task.dueAt === null ? null : t('process.due', { at: formatDateTime(task.dueAt) }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
            </div>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
