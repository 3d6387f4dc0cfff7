// A manager's (and an admin's) filters: seller, team, territory, product. They narrow what the engine
// already limits to the caller's teams (GET /board applies them inside its visibility), and live in
// the address, so a filtered board can be shared and survives a reload. The four lists are read once
// the board has answered (listsWanted), never in its way.
import { Button, Group, Select, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@stageflow/api-contract';
import { productsQuery, teamsQuery, territoriesQuery, usersQuery, type BoardFilterValues } from './api/board.api';

interface BoardFiltersProps {
  user: SessionUser;
  value: BoardFilterValues;
  onChange: (next: BoardFilterValues) => void;
  /** False while the board is first read: the lists wait for it, which is what the user waits for. */
  listsWanted: boolean;
}

export function BoardFilters({ user, value, onChange, listsWanted }: BoardFiltersProps) {
  const { t } = useTranslation('board');
  const users = useQuery({ ...usersQuery, enabled: listsWanted });
  const teams = useQuery({ ...teamsQuery, enabled: listsWanted });
  const territories = useQuery({ ...territoriesQuery, enabled: listsWanted });
  const products = useQuery({ ...productsQuery, enabled: listsWanted });
  const admin = user.roles.includes('admin');
  // A manager chooses among their teams and their members; an admin among all.
  const myTeams = (teams.data?.items ?? []).filter((team) => admin || user.teams.includes(team.name));
  const myTeamIds = new Set(myTeams.map((team) => team.id));
  const sellers = (users.data?.items ?? []).filter(
    (candidate) => candidate.active && candidate.roles.includes('seller') && (admin || candidate.teamIds.some((id) => myTeamIds.has(id))),
  );
  const set = (name: keyof BoardFilterValues) => (next: string | null) => onChange({ ...value, [name]: next ?? undefined });
  const props = { size: 'xs', clearable: true, placeholder: t('filters.any'), w: 180, comboboxProps: { withinPortal: true } } as const;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
      <VisuallyHidden component="legend">{t('filters.label')}</VisuallyHidden>
      <Group gap="sm" align="flex-end">
        <Select
          {...props}
          label={t('filters.seller')}
          data={sellers.map((seller) => ({ value: seller.id, label: seller.username }))}
          value={value.ownerId ?? null}
          onChange={set('ownerId')}
          searchable
        />
        <Select
          {...props}
          label={t('filters.team')}
          data={myTeams.map((team) => ({ value: team.id, label: team.name }))}
          value={value.teamId ?? null}
          onChange={set('teamId')}
        />
        <Select
          {...props}
          label={t('filters.territory')}
          data={(territories.data?.items ?? []).map((territory) => ({ value: territory.key, label: territory.name }))}
          value={value.territory ?? null}
          onChange={set('territory')}
        />
        <Select
          {...props}
          label={t('filters.product')}
          data={(products.data?.items ?? []).map((product) => ({ value: product.id, label: `${product.name} (${product.code})` }))}
          value={value.productId ?? null}
          onChange={set('productId')}
          searchable
        />
        {Object.values(value).some((entry) => entry !== undefined) && (
          <Button size="xs" variant="default" onClick={() => onChange({})}>
            {t('filters.clear')}
          </Button>
        )}
      </Group>
    </fieldset>
  );
}
