// A row of the processes page's tables (packages, processes): the thing's name with a line of
// detail, its cells, and a button that opens its versions in a row beneath. The button says how
// many and what it opens (aria-expanded, aria-controls), so both tables read alike to assistive tech.
import { Button, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function RowWithVersions({
  name,
  detail,
  cells,
  columns,
  versionCount,
  panelId,
  expanded,
  onToggle,
  children,
}: {
  name: string;
  detail: string | null | undefined;
  /** The cells between the name and the versions button. */
  cells: ReactNode;
  /** The table's column count: the versions' row spans them all. */
  columns: number;
  versionCount: number;
  panelId: string;
  expanded: boolean;
  onToggle: () => void;
  /** The versions, shown while expanded. */
  children: ReactNode;
}) {
  const { t } = useTranslation('processes');
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text fw={600} size="sm">
            {name}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed">
              {detail}
            </Text>
          )}
        </Table.Td>
        {cells}
        <Table.Td>
          <Button variant="subtle" size="compact-sm" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
            {t('versionsButton', { count: versionCount })}
          </Button>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr id={panelId}>
          <Table.Td colSpan={columns} bg="var(--mantine-color-gray-0)">
            {children}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
