// What an admin does to one user: skills, a new password, deactivate or activate.
import { Button, Group, TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UserView } from '@stageflow/api-contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../app/ui/confirm-modal';
import { FormModal } from '../../app/ui/form-modal';
import { MIN_PASSWORD_LENGTH, NewPasswordInput } from './new-password-input';
import { useUserMutations } from './users.api';

type Dialog = 'skills' | 'password' | 'deactivate' | undefined;

export function UserActions({ user }: { user: UserView }) {
  const { t } = useTranslation('adminUsers');
  const { setSkills, resetPassword, setActive } = useUserMutations();
  const [dialog, setDialog] = useState<Dialog>();
  const [skills, setSkillsValue] = useState<string[]>(user.skills);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const close = () => {
    setDialog(undefined);
    setPassword('');
    setChecked(false);
    setSkills.reset();
    resetPassword.reset();
    setActive.reset();
  };
  // The buttons of every row read alike: their accessible names say whose they are.
  const named = (action: string) => t('actionFor', { action, username: user.username });
  const tooShort = password.length < MIN_PASSWORD_LENGTH ? t('passwordTooShort') : undefined;
  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={named(t('editSkills'))}
          onClick={() => {
            setSkillsValue(user.skills);
            setDialog('skills');
          }}
        >
          {t('editSkills')}
        </Button>
        <Button variant="subtle" size="compact-sm" aria-label={named(t('resetPassword'))} onClick={() => setDialog('password')}>
          {t('resetPassword')}
        </Button>
        {user.active ? (
          <Button variant="subtle" size="compact-sm" color="red" aria-label={named(t('deactivate'))} onClick={() => setDialog('deactivate')}>
            {t('deactivate')}
          </Button>
        ) : (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-label={named(t('activate'))}
            loading={setActive.isPending}
            onClick={() => setActive.mutate({ id: user.id, active: true })}
          >
            {t('activate')}
          </Button>
        )}
      </Group>
      <FormModal
        opened={dialog === 'skills'}
        title={t('editSkillsTitle', { username: user.username })}
        submitLabel={t('app:form.save')}
        submitting={setSkills.isPending}
        error={setSkills.error}
        onClose={close}
        onSubmit={() => setSkills.mutate({ id: user.id, skills }, { onSuccess: close })}
      >
        <TagsInput label={t('skills')} description={t('skillsHint')} value={skills} onChange={setSkillsValue} />
      </FormModal>
      <FormModal
        opened={dialog === 'password'}
        title={t('resetPasswordTitle', { username: user.username })}
        submitLabel={t('app:form.save')}
        submitting={resetPassword.isPending}
        error={resetPassword.error}
        onClose={close}
        onSubmit={() => {
          setChecked(true);
          if (tooShort) return;
          resetPassword.mutate(
            { id: user.id, password },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('passwordSet', { username: user.username }) });
                close();
              },
            },
          );
        }}
      >
        <NewPasswordInput value={password} onChange={setPassword} error={checked && tooShort} />
      </FormModal>
      <ConfirmModal
        opened={dialog === 'deactivate'}
        title={t('deactivateTitle', { username: user.username })}
        message={t('deactivateText', { username: user.username })}
        confirmLabel={t('deactivate')}
        busy={setActive.isPending}
        error={setActive.error}
        onClose={close}
        onConfirm={() => setActive.mutate({ id: user.id, active: false }, { onSuccess: close })}
      />
    </>
  );
}
