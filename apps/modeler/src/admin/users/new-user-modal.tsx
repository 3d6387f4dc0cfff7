// Creating a user: username, first password, roles, teams and skills.
import { Checkbox, Group, MultiSelect, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TeamView } from '@stageflow/api-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/ui/form-modal';
import type { Role } from '../../app/auth/roles';
import { MIN_PASSWORD_LENGTH, NewPasswordInput } from './new-password-input';
import { useUserMutations } from './users.api';

export const ROLES: readonly Role[] = ['admin', 'analyst', 'manager', 'seller', 'integrator'];

export function NewUserModal({ opened, onClose, teams }: { opened: boolean; onClose: () => void; teams: TeamView[] }) {
  const { t } = useTranslation('adminUsers');
  const { create } = useUserMutations();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [skills, setSkills] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const problems = {
    username: username.trim() === '' ? t('usernameRequired') : undefined,
    password: password.length < MIN_PASSWORD_LENGTH ? t('passwordTooShort') : undefined,
    roles: roles.length === 0 ? t('rolesRequired') : undefined,
  };
  const close = () => {
    setUsername('');
    setPassword('');
    setRoles([]);
    setTeamIds([]);
    setSkills([]);
    setChecked(false);
    create.reset();
    onClose();
  };
  const submit = () => {
    setChecked(true);
    if (problems.username || problems.password || problems.roles) return;
    create.mutate(
      { username: username.trim(), password, roles, teamIds, skills },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'green', message: t('created_ok', { username: user.username }) });
          close();
        },
      },
    );
  };
  return (
    <FormModal
      opened={opened}
      title={t('newUser')}
      submitLabel={t('create')}
      submitting={create.isPending}
      error={create.error}
      onClose={close}
      onSubmit={submit}
    >
      <TextInput
        label={t('username')}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        error={checked && problems.username}
        autoComplete="off"
      />
      <NewPasswordInput value={password} onChange={setPassword} error={checked && problems.password} />
      <Checkbox.Group label={t('roles')} value={roles} onChange={setRoles} error={checked && problems.roles}>
        <Group mt="xs">
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`role.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect label={t('teams')} data={teams.map((team) => ({ value: team.id, label: team.name }))} value={teamIds} onChange={setTeamIds} searchable />
      <TagsInput label={t('skills')} description={t('skillsHint')} value={skills} onChange={setSkills} />
    </FormModal>
  );
}
