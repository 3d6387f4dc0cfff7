// The differences of two versions in words, beside the diagrams: one entry per element with what
// changed, before and after. An entry is a button: it outlines its element on both diagrams.
// Names and values come from the diagrams and are rendered as text.
import { Badge, Group, List, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeKind, VersionChange } from './diff/version-changes';

export const BADGE_COLOR: Record<ChangeKind, string> = { removed: 'red', added: 'green', changed: 'orange', layoutChanged: 'blue' };

export function ChangesList({ changes, focused, onFocus }: { changes: readonly VersionChange[]; focused?: string; onFocus: (elementId: string) => void }) {
  const { t } = useTranslation('versions');
  const heading = useId();
  return (
    <section aria-labelledby={heading}>
      <Title order={2} size="h4" id={heading} mb="xs">
        {t('changes', { count: changes.length })}
      </Title>
      {changes.length === 0 ? (
        <Text c="dimmed">{t('noChanges')}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-labelledby={heading} data-testid="version-changes">
          {changes.map((change) => (
            <List.Item key={`${change.kind}:${change.elementId}`} data-element-id={change.elementId} data-kind={change.kind}>
              <UnstyledButton
                onClick={() => onFocus(change.elementId)}
                aria-pressed={focused === change.elementId}
                w="100%"
                p={6}
                bg={focused === change.elementId ? 'var(--mantine-color-gray-1)' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Stack gap={2}>
                  <Group gap="xs" wrap="nowrap">
                    {/* The tint says the kind with the diagram's colour; dark text keeps it readable (WCAG AA). */}
                    <Badge color={BADGE_COLOR[change.kind]} variant="light" c="dark.8" size="sm" style={{ flex: 'none' }}>
                      {t(`kind.${change.kind}`)}
                    </Badge>
                    <Text size="sm" fw={600} lineClamp={2}>
                      {change.name ?? change.elementId}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('elementOf', { type: change.type, id: change.elementId })}
                  </Text>
                  {change.properties.map((property) => (
                    <Text size="xs" key={property.property}>
                      {t('propertyChange', {
                        property: property.property,
                        before: property.before ?? t('notSet'),
                        after: property.after ?? t('notSet'),
                      })}
                    </Text>
                  ))}
                </Stack>
              </UnstyledButton>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
