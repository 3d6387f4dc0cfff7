// What an admin does to one team: rename it, add and remove members, delete it.
import { ActionIcon, Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import type { TeamView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../app/ui/confirm-modal';
import { FormModal } from '../../app/ui/form-modal';
import { usersQuery } from '../users/users.api';
import { useTeamMutations } from './teams.api';

type Dialog = 'rename' | 'members' | 'delete' | undefined;

export function TeamActions({ team }: { team: TeamView }) {
  const { t } = useTranslation('adminTeams');
  const { rename, remove, addMember, removeMember } = useTeamMutations();
  const users = useQuery({ ...usersQuery, enabled: false });
  const [dialog, setDialog] = useState<Dialog>();
  const [name, setName] = useState(team.name);
  const [member, setMember] = useState<string | null>(null);
  const named = (action: string) => t('actionFor', { action, name: team.name });
  const close = () => {
    setDialog(undefined);
    setMember(null);
    [rename, remove, addMember, removeMember].forEach((mutation) => mutation.reset());
  };
  const candidates = (users.data?.items ?? []).filter((user) => !team.members.includes(user.username)).map((user) => user.username);
  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={named(t('rename'))}
          onClick={() => {
            setName(team.name);
            setDialog('rename');
          }}
        >
          {t('rename')}
        </Button>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={named(t('editMembers'))}
          onClick={() => {
            void users.refetch();
            setDialog('members');
          }}
        >
          {t('editMembers')}
        </Button>
        <Button variant="subtle" size="compact-sm" color="red" aria-label={named(t('delete'))} onClick={() => setDialog('delete')}>
          {t('delete')}
        </Button>
      </Group>
      <FormModal
        opened={dialog === 'rename'}
        title={t('renameTitle', { name: team.name })}
        submitLabel={t('app:form.save')}
        submitting={rename.isPending}
        error={rename.error}
        onClose={close}
        onSubmit={() => rename.mutate({ id: team.id, name: name.trim() }, { onSuccess: close })}
      >
        <TextInput label={t('name')} description={t('nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </FormModal>
      <FormModal
        opened={dialog === 'members'}
        title={t('membersTitle', { name: team.name })}
        submitLabel={t('add')}
        submitting={addMember.isPending}
        error={addMember.error ?? removeMember.error}
        onClose={close}
        onSubmit={() => {
          if (member) addMember.mutate({ id: team.id, username: member }, { onSuccess: () => setMember(null) });
        }}
      >
        <Stack gap="xs">
          {team.members.length === 0 ? (
            <Text c="dimmed">{t('noMembers')}</Text>
          ) : (
            <List listStyleType="none" spacing={4}>
              {team.members.map((username) => (
                <List.Item key={username}>
                  <Group gap="xs">
                    <Text size="sm">{username}</Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={t('removeMember', { username })}
                      loading={removeMember.isPending && removeMember.variables?.username === username}
                      onClick={() => removeMember.mutate({ id: team.id, username })}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          <Select label={t('addMember')} placeholder={t('pickUser')} data={candidates} value={member} onChange={setMember} searchable clearable />
        </Stack>
      </FormModal>
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('deleteTitle', { name: team.name })}
        message={t('deleteText', { name: team.name })}
        confirmLabel={t('delete')}
        busy={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => remove.mutate(team.id, { onSuccess: close })}
      />
    </>
  );
}
