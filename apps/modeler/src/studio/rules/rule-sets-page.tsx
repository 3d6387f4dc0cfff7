// The rule sets: the latest version of every key, each opening the editor, and a new rule set by
// key and kind.
import { Anchor, Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import type { RuleSetKind } from '@stageflow/process-package';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { PageHeader } from '../../app/layout/page-header';
import { ListTable } from '../../app/ui/list-table';
import { QueryState } from '../../app/ui/query-state';
import { latestRuleSetsQuery } from './api/rule-sets.query';

const KINDS: readonly RuleSetKind[] = ['classification', 'territory', 'assignment', 'actions', 'exitCriteria'];

export function RuleSetsPage() {
  const { t } = useTranslation('rules');
  const navigate = useNavigate();
  const ruleSets = useQuery(latestRuleSetsQuery);
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<RuleSetKind>('classification');
  return (
    <>
      <PageHeader title={t('title')} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim() !== '') void navigate(`/studio/rule-sets/new?${new URLSearchParams({ key: key.trim(), kind }).toString()}`);
        }}
      >
        <Group align="flex-end" mb="lg" wrap="wrap">
          <TextInput label={t('newKey')} value={key} onChange={(event) => setKey(event.currentTarget.value)} />
          <NativeSelect
            label={t('newKind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as RuleSetKind)}
            data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          />
          <Button type="submit" disabled={key.trim() === ''}>
            {t('new')}
          </Button>
        </Group>
      </form>
      <QueryState query={ruleSets} isEmpty={(page) => page.items.length === 0} empty={t('empty')}>
        {(page) => (
          <ListTable minWidth={600} headings={[t('key'), t('name'), t('kind'), t('version'), t('deployedAt')]}>
            {page.items.map((ruleSet) => (
              <Table.Tr key={ruleSet.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/studio/rule-sets/${ruleSet.id}`}>
                    {ruleSet.key}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ruleSet.name ?? ''}</Table.Td>
                <Table.Td>{t(`kinds.${ruleSet.kind}`)}</Table.Td>
                <Table.Td>{ruleSet.version}</Table.Td>
                <Table.Td>{formatDateTime(ruleSet.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
