// The problems list under the diagram: lint issues, the engine's deploy errors and warnings. A
// problem about an element of the diagram is a button that selects the element and scrolls to it.
import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../problems/problems';

/** Dark enough for WCAG AA contrast as text on white and as a background under white text. */
const SEVERITY_COLOR = { error: '#c92a2a', warning: '#8a4a00', info: '#1864ab' } as const;

export function ProblemsPanel({
  problems,
  elementName,
  onSelect,
}: {
  problems: readonly Problem[];
  /** The element's name in the diagram, or undefined when the diagram has no such element. */
  elementName: (elementId: string) => string | undefined;
  onSelect: (elementId: string) => void;
}) {
  const { t } = useTranslation('modeler');
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="modeler-problems-title">
      <Title order={2} size="h4" id="modeler-problems-title" mb="xs">
        {t('problems.title')}{' '}
        {problems.length > 0 && (
          <Badge color={SEVERITY_COLOR[problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning']}>
            {t('problems.count', { count: problems.length })}
          </Badge>
        )}
      </Title>
      {problems.length === 0 ? (
        <Text c="dimmed">{t('problems.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table data-testid="modeler-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('problems.severity')}</Table.Th>
                <Table.Th>{t('problems.element')}</Table.Th>
                <Table.Th>{t('problems.message')}</Table.Th>
                <Table.Th>{t('problems.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((problem, index) => (
                <Table.Tr key={index} data-element-id={problem.elementId}>
                  <Table.Td style={{ whiteSpace: 'nowrap', width: '1%' }}>
                    <Badge color={SEVERITY_COLOR[problem.severity]} variant="outline" styles={{ label: { overflow: 'visible' } }}>
                      {t(`problems.severities.${problem.severity}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <ElementCell
                      elementId={problem.elementId}
                      name={problem.elementId === undefined ? undefined : elementName(problem.elementId)}
                      onSelect={onSelect}
                    />
                  </Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                  <Table.Td>
                    {t(`problems.sources.${problem.source}`)}
                    {problem.rule && (
                      <Text component="span" c="dimmed" size="xs">
                        {' '}
                        ({problem.rule})
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ElementCell({ elementId, name, onSelect }: { elementId: string | undefined; name: string | undefined; onSelect: (elementId: string) => void }) {
  const { t } = useTranslation('modeler');
  if (elementId === undefined) return <Text c="dimmed">{t('problems.wholeDiagram')}</Text>;
  // An id the diagram does not hold (another resource's): shown, not selectable.
  if (name === undefined) return <Text>{elementId}</Text>;
  const label = name === '' ? elementId : `${name} (${elementId})`;
  return (
    <Button variant="subtle" size="compact-sm" onClick={() => onSelect(elementId)} aria-label={t('problems.select', { element: label })}>
      {label}
    </Button>
  );
}
