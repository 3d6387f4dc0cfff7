// "Hand over": a manager (or admin) gives the record to another owner, with the reason the
// history keeps. Sellers do not see the button: the engine refuses them (403).
import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { RecordView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';
import { useHandOver, usersQuery } from '../api/record-actions.api';
import type { WorkspaceRecordType } from '../record-kinds';

export function HandOverButton({ type, record }: { type: WorkspaceRecordType; record: RecordView }) {
  const { t } = useTranslation('records');
  const [opened, setOpened] = useState(false);
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const users = useQuery({ ...usersQuery, enabled: opened });
  const handOver = useHandOver(type, record.id);
  const candidates = (users.data?.items ?? []).filter(
    (user) => user.active && user.id !== record.ownerId && (user.roles.includes('seller') || user.roles.includes('manager')),
  );
  const close = () => {
    setOpened(false);
    handOver.reset();
  };
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('actions.handOver')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('actions.handOver')} closeButtonProps={{ 'aria-label': t('form.close') }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ownerId === '') return;
            handOver.mutate({ ownerId, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) }, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            {users.isError && <ErrorAlert error={users.error} />}
            {handOver.isError && <ErrorAlert error={handOver.error} />}
            <NativeSelect
              label={t('handOver.newOwner')}
              required
              data={[{ value: '', label: t('handOver.choose') }, ...candidates.map((user) => ({ value: user.id, label: user.username }))]}
              value={ownerId}
              onChange={(event) => setOwnerId(event.currentTarget.value)}
            />
            <TextInput label={t('handOver.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
            <Group>
              <Button type="submit" loading={handOver.isPending} disabled={ownerId === ''}>
                {t('handOver.submit')}
              </Button>
              <Button variant="default" onClick={close}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
