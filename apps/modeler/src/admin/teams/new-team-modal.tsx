import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/ui/form-modal';
import { useTeamMutations } from './teams.api';

export function NewTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('adminTeams');
  const { create } = useTeamMutations();
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = name.trim() === '' ? t('nameRequired') : undefined;
  const close = () => {
    setName('');
    setChecked(false);
    create.reset();
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      title={t('newTeam')}
      submitLabel={t('create')}
      submitting={create.isPending}
      error={create.error}
      onClose={close}
      onSubmit={() => {
        setChecked(true);
        if (!missing) create.mutate(name.trim(), { onSuccess: close });
      }}
    >
      <TextInput label={t('name')} description={t('nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={checked && missing} />
    </FormModal>
  );
}
