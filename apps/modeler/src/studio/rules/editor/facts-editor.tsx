// The rule set's fact declarations: name and type, added from the facts the engine knows (record
// fields, record, params, $now needs none) or typed in.
import { ActionIcon, Autocomplete, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { FactType } from '@stageflow/process-package';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const FACT_TYPES: readonly FactType[] = ['string', 'number', 'boolean', 'date', 'array', 'object'];

interface Props {
  facts: Readonly<Record<string, FactType>>;
  /** Known facts with their types, offered while typing a name. */
  suggestions: ReadonlyMap<string, FactType>;
  onAdd: (name: string, type: FactType) => void;
  onRemove: (name: string) => void;
}

export function FactsEditor({ facts, suggestions, onAdd, onRemove }: Props) {
  const { t } = useTranslation('rules');
  const [name, setName] = useState('');
  const [type, setType] = useState<FactType>('string');
  const add = () => {
    if (name.trim() === '') return;
    onAdd(name.trim(), type);
    setName('');
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('facts.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('facts.hint')}
      </Text>
      {Object.keys(facts).length === 0 ? (
        <Text size="sm">{t('facts.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('facts.name')}</Table.Th>
              <Table.Th>{t('facts.type')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(facts).map(([fact, factType]) => (
              <Table.Tr key={fact}>
                <Table.Td>{fact}</Table.Td>
                <Table.Td>{t(`factTypes.${factType}`, { defaultValue: String(factType) })}</Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('facts.remove', { name: fact })} onClick={() => onRemove(fact)}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" wrap="wrap">
        <Autocomplete
          label={t('facts.newName')}
          data={[...suggestions.keys()].filter((known) => !(known in facts))}
          value={name}
          onChange={(value) => {
            setName(value);
            const known = suggestions.get(value);
            if (known !== undefined) setType(known);
          }}
          maxDropdownHeight={240}
        />
        <NativeSelect
          label={t('facts.newType')}
          value={type}
          onChange={(event) => setType(event.currentTarget.value as FactType)}
          data={FACT_TYPES.map((value) => ({ value, label: t(`factTypes.${value}`) }))}
        />
        <Button variant="light" onClick={add} disabled={name.trim() === ''}>
          {t('facts.add')}
        </Button>
      </Group>
    </Stack>
  );
}
