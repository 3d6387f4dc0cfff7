// Action templates and contact plans: the latest version of each key opening its form, and a new
// one by key.
import { Anchor, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import type { Page } from '@stageflow/api-contract';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ListTable } from '../../app/ui/list-table';
import { QueryState } from '../../app/ui/query-state';
import { actionTemplatesQuery, contactPlansQuery } from './api/plans.api';

interface Listed {
  id: string;
  key: string;
  version: number;
  name: string | null;
  createdAt: string;
}

function VersionList({
  title,
  query,
  path,
  newLabel,
  keyLabel,
  empty,
}: {
  title: string;
  query: UseQueryResult<Page<Listed>>;
  path: string;
  newLabel: string;
  keyLabel: string;
  empty: string;
}) {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim() !== '') void navigate(`${path}/new?${new URLSearchParams({ key: key.trim() }).toString()}`);
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput label={keyLabel} value={key} onChange={(event) => setKey(event.currentTarget.value)} />
          <Button type="submit" disabled={key.trim() === ''}>
            {newLabel}
          </Button>
        </Group>
      </form>
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={empty}>
        {(page) => (
          <ListTable minWidth={500} headings={[t('key'), t('name'), t('version'), t('deployedAt')]}>
            {page.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${path}/${item.id}`}>
                    {item.key}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.name ?? ''}</Table.Td>
                <Table.Td>{item.version}</Table.Td>
                <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </Stack>
  );
}

export function PlansPage() {
  const { t } = useTranslation('plans');
  const templates = useQuery(actionTemplatesQuery);
  const plans = useQuery(contactPlansQuery);
  return (
    <>
      <PageHeader title={t('title')} />
      <Stack gap="xl">
        <VersionList
          title={t('templates')}
          query={templates}
          path="/studio/plans/action-templates"
          newLabel={t('newTemplateButton')}
          keyLabel={t('newTemplateKey')}
          empty={t('noTemplates')}
        />
        <VersionList
          title={t('plans')}
          query={plans}
          path="/studio/plans/contact-plans"
          newLabel={t('newPlanButton')}
          keyLabel={t('newPlanKey')}
          empty={t('noPlans')}
        />
      </Stack>
    </>
  );
}
