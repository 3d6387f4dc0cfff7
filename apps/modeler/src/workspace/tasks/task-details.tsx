// One task in a drawer: what it is about (the record one click away), who holds it, claim or give
// back, a manager's "hand to", and its form to complete it with.
import type { TaskDetailView } from '@stageflow/api-contract';
import { Badge, Button, Drawer, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-session';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../app/ui/error-alert';
import { LoadingState, QueryState } from '../../app/ui/query-state';
import { assigneesQuery } from './api/assignees.query';
import { useCompleteTask, useTaskCommand } from './api/task-commands';
import { taskDetailQuery } from './api/task-detail.query';
import { RecordLink } from './record-link';
import { isOverdue } from './task-list-filter';

const TaskForm = lazy(async () => ({ default: (await import('./form/task-form')).TaskForm }));

export function TaskDetailsDrawer({ taskId, onClose }: { taskId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('workspaceTasks');
  return (
    <Drawer
      opened={taskId !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('details.title')}
      closeButtonProps={{ 'aria-label': t('details.close') }}
    >
      {taskId !== undefined && <TaskDetails taskId={taskId} onDone={onClose} />}
    </Drawer>
  );
}

function TaskDetails({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const query = useQuery(taskDetailQuery(taskId));
  return <QueryState query={query}>{(task) => <TaskBody task={task} onDone={onDone} />}</QueryState>;
}

function TaskBody({ task, onDone }: { task: TaskDetailView; onDone: () => void }) {
  const { t } = useTranslation('workspaceTasks');
  const user = useCurrentUser();
  const command = useTaskCommand(task.id);
  const complete = useCompleteTask(task.id);
  const [now] = useState(() => new Date());
  const mine = task.assignee === user.username;
  const manages = hasAnyRole(user.roles, ['manager', 'admin']);
  const open = task.state === 'created';
  const mayComplete = open && (mine || manages || task.assignee === null);

  return (
    <Stack gap="md">
      <div>
        <Text fw={700} size="lg" component="h2">
          {task.name ?? task.elementId}
        </Text>
        {task.description !== null && <Text size="sm">{task.description}</Text>}
      </div>
      <Group gap="xs">
        <Text size="sm">{t('details.about')}</Text>
        {task.record === null ? (
          <Text size="sm" c="gray.7">
            {t('details.noRecord')}
          </Text>
        ) : (
          <RecordLink record={task.record} size="sm">
            {task.record.title}
          </RecordLink>
        )}
      </Group>
      <Group gap="lg">
        <Text size="sm">
          {t('list.due')}: {task.dueAt === null ? t('list.noDue') : formatDateTime(task.dueAt)}{' '}
          {isOverdue(task.dueAt, now) && (
            <Badge color="red.8" variant="filled">
              {t('list.overdue')}
            </Badge>
          )}
        </Text>
        <Text size="sm">
          {t('list.priority')}: {task.priority ?? '–'}
        </Text>
        <Text size="sm">
          {t('list.assignee')}: {task.assignee ?? t('list.unassigned')}
        </Text>
      </Group>
      {task.assignment !== null && (
        <Text size="sm" c="gray.7">
          {t('details.assignedBecause', { reason: task.assignment.reason })}
        </Text>
      )}
      {open && (
        <Group gap="sm">
          {task.assignee === null && (
            <Button variant="default" onClick={() => command.mutate({ kind: 'claim' })} loading={command.isPending}>
              {t('actions.claim')}
            </Button>
          )}
          {task.assignee !== null && (mine || manages) && (
            <Button variant="default" onClick={() => command.mutate({ kind: 'unclaim' })} loading={command.isPending}>
              {t('actions.unclaim')}
            </Button>
          )}
        </Group>
      )}
      {open && manages && <HandOver taskId={task.id} onHandOver={(assignee) => command.mutate({ kind: 'assign', assignee })} pending={command.isPending} />}
      {command.isError && <ErrorAlert error={command.error} />}
      {!open && <Text size="sm">{t('details.closed', { state: t(`state.${task.state}`) })}</Text>}
      {open && (
        <Suspense fallback={<LoadingState />}>
          {task.form === null ? (
            <Group>
              <Button onClick={() => complete.mutate({}, { onSuccess: onDone })} loading={complete.isPending} disabled={!mayComplete}>
                {t('actions.complete')}
              </Button>
              {complete.isError && <ErrorAlert error={complete.error} />}
            </Group>
          ) : (
            <TaskForm
              key={task.id}
              taskId={task.id}
              formKey={task.form.key}
              schema={task.form.schema}
              initial={{}}
              submitting={complete.isPending}
              disabled={!mayComplete}
              onSubmit={(variables) => complete.mutateAsync(variables).then(onDone)}
            />
          )}
        </Suspense>
      )}
      {open && !mayComplete && (
        <Text size="sm" c="gray.7">
          {t('details.heldByOther', { assignee: task.assignee ?? '' })}
        </Text>
      )}
    </Stack>
  );
}

function HandOver({ taskId, onHandOver, pending }: { taskId: string; onHandOver: (assignee: string) => void; pending: boolean }) {
  const { t } = useTranslation('workspaceTasks');
  const sellers = useQuery(assigneesQuery());
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Group align="flex-end" gap="sm">
      <Select
        id={`hand-over-${taskId}`}
        label={t('actions.handTo')}
        placeholder={sellers.isPending ? t('state.loading') : t('actions.pickSeller')}
        data={sellers.data ?? []}
        value={chosen}
        onChange={setChosen}
        searchable
        nothingFoundMessage={t('actions.noSeller')}
        error={sellers.isError ? t('actions.sellersFailed') : undefined}
      />
      <Button variant="default" disabled={chosen === null} loading={pending} onClick={() => chosen !== null && onHandOver(chosen)}>
        {t('actions.assign')}
      </Button>
    </Group>
  );
}
