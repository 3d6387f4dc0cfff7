// My tasks: the open tasks the processes give the user and their teams, soonest due first then the
// highest priority, overdue marked; filters by whose, process, stage, due window and record type; a manager sees
// every team's tasks and the unsorted queue. A row opens the task (claim, complete with its form,
// hand to a seller); the record it is about is one click away.
import type { TaskView } from '@stageflow/api-contract';
import { Anchor, Badge, Button, Group, SegmentedControl, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-session';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { QueryState } from '../../app/ui/query-state';
import { useTaskCommand } from './api/task-commands';
import { processesQuery } from './api/processes.query';
import { taskStagesQuery } from './api/task-stages.query';
import { taskListQuery } from './api/task-list.query';
import { RecordLink } from './record-link';
import { TaskDetailsDrawer } from './task-details';
import {
  DEFAULT_FILTER,
  isOverdue,
  stageChoices,
  withProcess,
  type DueWindow,
  type RecordTypeFilter,
  type TaskListFilter,
  type TaskScope,
} from './task-list-filter';

const DUE_WINDOWS: readonly DueWindow[] = ['any', 'overdue', 'today', 'week'];
const RECORD_TYPES: readonly RecordTypeFilter[] = ['any', 'lead', 'opportunity', 'organization', 'contact'];

export function MyTasksPage() {
  const { t } = useTranslation('workspaceTasks');
  const user = useCurrentUser();
  const manages = hasAnyRole(user.roles, ['manager', 'admin']);
  const [filter, setFilter] = useState<TaskListFilter>(DEFAULT_FILTER);
  // /workspace/tasks/:id opens that task (the record pages link to a task so).
  const { id: openTask } = useParams();
  const navigate = useNavigate();
  const setOpenTask = (id: string | undefined) => void navigate(id === undefined ? '/workspace/tasks' : `/workspace/tasks/${encodeURIComponent(id)}`);
  const tasks = useQuery(taskListQuery(filter, user.username));
  const processes = useQuery(processesQuery());
  const stages = useQuery(taskStagesQuery());
  const scopes: TaskScope[] = manages ? ['visible', 'mine', 'unsorted'] : ['visible', 'mine'];

  return (
    <>
      <PageHeader title={t('title')} />
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={600} id="task-scope-label" mb={4}>
            {t('filters.scope')}
          </Text>
          <SegmentedControl
            aria-labelledby="task-scope-label"
            value={filter.scope}
            onChange={(scope) => setFilter({ ...filter, scope: scope as TaskScope })}
            data={scopes.map((scope) => ({ value: scope, label: t(`filters.scopes.${manages ? 'manager' : 'seller'}.${scope}`) }))}
          />
        </div>
        <Select
          label={t('filters.process')}
          value={filter.processKey}
          onChange={(processKey) => setFilter(withProcess(filter, processKey ?? '', stages.data ?? []))}
          data={[{ value: '', label: t('filters.anyProcess') }, ...(processes.data ?? [])]}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={t('filters.stage')}
          value={filter.stage}
          onChange={(stage) => setFilter({ ...filter, stage: stage ?? '' })}
          data={[
            { value: '', label: t('filters.anyStage') },
            ...stageChoices(stages.data ?? [], filter.processKey).map((stage) => ({ value: stage, label: stage })),
          ]}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('filters.due')}
          value={filter.due}
          onChange={(due) => setFilter({ ...filter, due: (due ?? 'any') as DueWindow })}
          data={DUE_WINDOWS.map((due) => ({ value: due, label: t(`filters.dues.${due}`) }))}
          allowDeselect={false}
          w={180}
        />
        <Select
          label={t('filters.recordType')}
          value={filter.recordType}
          onChange={(recordType) => setFilter({ ...filter, recordType: (recordType ?? 'any') as RecordTypeFilter })}
          data={RECORD_TYPES.map((type) => ({ value: type, label: t(`filters.recordTypes.${type}`) }))}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <QueryState query={tasks} isEmpty={(page) => page.items.length === 0} empty={t(filter === DEFAULT_FILTER ? 'empty' : 'emptyFiltered')}>
        {(page) => (
          <>
            <Text size="sm" c="gray.7" mb="xs" aria-live="polite">
              {t('list.count', { count: page.total })}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover data-testid="task-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('list.task')}</Table.Th>
                    <Table.Th>{t('list.about')}</Table.Th>
                    <Table.Th>{t('list.due')}</Table.Th>
                    <Table.Th>{t('list.priority')}</Table.Th>
                    <Table.Th>{t('list.assignee')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((task) => (
                    <TaskRow key={task.id} task={task} onOpen={() => setOpenTask(task.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </QueryState>
      <TaskDetailsDrawer taskId={openTask} onClose={() => setOpenTask(undefined)} />
    </>
  );
}

function TaskRow({ task, onOpen }: { task: TaskView; onOpen: () => void }) {
  const { t } = useTranslation('workspaceTasks');
  const user = useCurrentUser();
  const command = useTaskCommand(task.id);
  const [now] = useState(() => new Date());
  const overdue = isOverdue(task.dueAt, now);
  return (
    <Table.Tr data-task-id={task.id}>
      <Table.Td>
        <Anchor component="button" type="button" onClick={onOpen} fw={600} ta="left">
          {task.name ?? task.elementId}
        </Anchor>
      </Table.Td>
      <Table.Td>{task.record === null ? '' : <RecordLink record={task.record}>{task.record.title}</RecordLink>}</Table.Td>
      <Table.Td>
        {task.dueAt === null ? (
          <Text size="sm" c="gray.7" component="span">
            {t('list.noDue')}
          </Text>
        ) : (
          <>
            {formatDateTime(task.dueAt)}{' '}
            {overdue && (
              <Badge color="red.8" variant="filled">
                {t('list.overdue')}
              </Badge>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>{task.priority ?? ''}</Table.Td>
      <Table.Td>{task.assignee ?? t('list.unassigned')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {task.assignee === null && (
            <Button size="xs" variant="default" loading={command.isPending} onClick={() => command.mutate({ kind: 'claim' })}>
              {t('actions.claim')}
              <VisuallyHidden> {task.name ?? task.elementId}</VisuallyHidden>
            </Button>
          )}
          {task.assignee === user.username && (
            <Button size="xs" variant="default" loading={command.isPending} onClick={() => command.mutate({ kind: 'unclaim' })}>
              {t('actions.unclaim')}
              <VisuallyHidden> {task.name ?? task.elementId}</VisuallyHidden>
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onOpen}>
            {t('actions.open')}
            <VisuallyHidden> {task.name ?? task.elementId}</VisuallyHidden>
          </Button>
        </Group>
        {command.isError && (
          <Text size="xs" c="red.8" role="alert">
            {command.error.message}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
