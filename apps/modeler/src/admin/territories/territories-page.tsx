// Territories: the team and default owner behind each key a territory rule set gives; create, edit, delete.
import { Button, Group, Table } from '@mantine/core';
import type { TerritoryView } from '@stageflow/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ConfirmModal } from '../../app/ui/confirm-modal';
import { ListTable } from '../../app/ui/list-table';
import { QueryState } from '../../app/ui/query-state';
import { territoriesQuery, useTerritoryMutations } from './territories.api';
import { TerritoryModal } from './territory-modal';

type Editing = { territory: TerritoryView | undefined } | undefined;

export function TerritoriesPage() {
  const { t } = useTranslation('adminTerritories');
  const territories = useQuery(territoriesQuery);
  const { remove } = useTerritoryMutations();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<TerritoryView | undefined>();
  const named = (action: string, territory: TerritoryView) => t('actionFor', { action, name: territory.name });
  const closeDelete = () => {
    remove.reset();
    setDeleting(undefined);
  };
  return (
    <>
      <PageHeader title={t('title')}>
        <Button onClick={() => setEditing({ territory: undefined })}>{t('newTerritory')}</Button>
      </PageHeader>
      {editing && <TerritoryModal territory={editing.territory} onClose={() => setEditing(undefined)} />}
      <ConfirmModal
        opened={deleting !== undefined}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
        message={t('deleteText', { name: deleting?.name ?? '', key: deleting?.key ?? '' })}
        confirmLabel={t('delete')}
        busy={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.key, { onSuccess: closeDelete })}
      />
      <QueryState query={territories} isEmpty={(list) => list.items.length === 0} empty={t('empty')}>
        {(list) => (
          <ListTable
            label={t('title')}
            minWidth={800}
            headings={[t('key'), t('name'), t('team'), t('defaultOwner'), t('actions'), t('updated'), t('app:form.actions')]}
          >
            {list.items.map((territory) => (
              <Table.Tr key={territory.key}>
                <Table.Td>{territory.key}</Table.Td>
                <Table.Td>{territory.name}</Table.Td>
                <Table.Td>{territory.team ?? ''}</Table.Td>
                <Table.Td>{territory.defaultOwner ?? ''}</Table.Td>
                <Table.Td>{territory.actions.join(', ')}</Table.Td>
                <Table.Td>{formatDate(territory.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button variant="subtle" size="compact-sm" aria-label={named(t('edit'), territory)} onClick={() => setEditing({ territory })}>
                      {t('edit')}
                    </Button>
                    <Button variant="subtle" size="compact-sm" color="red" aria-label={named(t('delete'), territory)} onClick={() => setDeleting(territory)}>
                      {t('delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
