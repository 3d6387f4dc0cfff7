// Creating a territory or changing one (everything but its key): name, team, default owner, actions rule sets.
import { Select, TagsInput, TextInput } from '@mantine/core';
import type { TerritoryView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/ui/form-modal';
import { teamsQuery } from '../teams/teams.api';
import { usersQuery } from '../users/users.api';
import { useTerritoryMutations } from './territories.api';

export function TerritoryModal({ territory, onClose }: { territory: TerritoryView | undefined; onClose: () => void }) {
  const { t } = useTranslation('adminTerritories');
  const { create, update } = useTerritoryMutations();
  const teams = useQuery(teamsQuery);
  const users = useQuery(usersQuery);
  const [key, setKey] = useState(territory?.key ?? '');
  const [name, setName] = useState(territory?.name ?? '');
  const [team, setTeam] = useState<string | null>(territory?.team ?? null);
  const [owner, setOwner] = useState<string | null>(territory?.defaultOwner ?? null);
  const [actions, setActions] = useState<string[]>(territory?.actions ?? []);
  const [checked, setChecked] = useState(false);
  const mutation = territory ? update : create;
  const problems = { key: key.trim() === '' ? t('keyRequired') : undefined, name: name.trim() === '' ? t('nameRequired') : undefined };
  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = () => {
    setChecked(true);
    if (problems.key || problems.name) return;
    const fields = { name: name.trim(), team, defaultOwner: owner, actions };
    if (territory) update.mutate({ key: territory.key, changes: fields }, { onSuccess: close });
    else create.mutate({ key: key.trim(), ...fields }, { onSuccess: close });
  };
  return (
    <FormModal
      opened
      title={territory ? t('editTitle', { name: territory.name }) : t('newTerritory')}
      submitLabel={territory ? t('app:form.save') : t('create')}
      submitting={mutation.isPending}
      error={mutation.error}
      onClose={close}
      onSubmit={submit}
    >
      <TextInput
        label={t('key')}
        description={t('keyHint')}
        value={key}
        disabled={territory !== undefined}
        onChange={(e) => setKey(e.currentTarget.value)}
        error={checked && problems.key}
      />
      <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={checked && problems.name} />
      <Select
        label={t('team')}
        placeholder={t('none')}
        data={(teams.data?.items ?? []).map((item) => item.name)}
        value={team}
        onChange={setTeam}
        searchable
        clearable
      />
      <Select
        label={t('defaultOwner')}
        placeholder={t('none')}
        data={(users.data?.items ?? []).filter((user) => user.active).map((user) => user.username)}
        value={owner}
        onChange={setOwner}
        searchable
        clearable
      />
      <TagsInput label={t('actions')} description={t('actionsHint')} value={actions} onChange={setActions} />
    </FormModal>
  );
}
