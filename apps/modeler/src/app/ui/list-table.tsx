// A list page's table: one heading a column, striped rows, scrolling sideways below `minWidth`, and
// named by `label` for screen readers (the page's title, usually) where given.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function ListTable({ label, minWidth, headings, children }: { label?: string; minWidth: number; headings: readonly string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading}>{heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
