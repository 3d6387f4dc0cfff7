// The dry run's answer: the result, and for every rule in evaluation order whether it matched and,
// for every condition, whether it passed and the value it saw. Values from the facts are shown as
// JSON text, never as markup.
import { Badge, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { RuleSetDraftEvaluationView } from '@stageflow/api-contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { fieldOf } from '../builder/condition-field';

type Node = Record<string, unknown> & { passed?: boolean };

function Verdict({ passed }: { passed: boolean }) {
  const { t } = useTranslation('rules');
  return (
    // Shade 9 keeps white text at WCAG AA contrast.
    <Badge color={passed ? 'teal.9' : 'red.9'} size="sm">
      {passed ? t('dryRun.passed') : t('dryRun.failed')}
    </Badge>
  );
}

function ConditionNode({ node }: { node: Node }) {
  const { t } = useTranslation('rules');
  const passed = node.passed === true;
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(node[key])) {
      return (
        <List.Item data-passed={passed}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t(`dryRun.${key}`)}
            </Text>
            <Verdict passed={passed} />
          </Group>
          <List withPadding listStyleType="none">
            {(node[key] as Node[]).map((child, index) => (
              <ConditionNode key={index} node={child} />
            ))}
          </List>
        </List.Item>
      );
    }
  }
  if (typeof node.not === 'object' && node.not !== null) {
    return (
      <List.Item data-passed={passed}>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('dryRun.not')}
          </Text>
          <Verdict passed={passed} />
        </Group>
        <List withPadding listStyleType="none">
          <ConditionNode node={node.not as Node} />
        </List>
      </List.Item>
    );
  }
  const field = fieldOf({ fact: String(node.fact), path: typeof node.path === 'string' ? node.path : undefined });
  return (
    <List.Item data-passed={passed} className="stageflow-condition-result">
      <Group gap="xs" wrap="wrap">
        <Verdict passed={passed} />
        <Code>{field}</Code>
        <Text size="sm">{t(`operators.${String(node.operator)}`)}</Text>
        <Code>{JSON.stringify(node.value)}</Code>
        <Text size="sm" c="dimmed">
          {node.factValue === undefined ? t('dryRun.missing') : t('dryRun.saw', { value: JSON.stringify(node.factValue) })}
        </Text>
      </Group>
    </List.Item>
  );
}

export function EvaluationView({ evaluation }: { evaluation: RuleSetDraftEvaluationView }) {
  const { t } = useTranslation('rules');
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} size="h5">
        {t('dryRun.result')}
      </Title>
      <Code block>{evaluation.result === null ? t('dryRun.noResult') : JSON.stringify(evaluation.result, null, 2)}</Code>
      {evaluation.usedFallback && <Text size="sm">{t('dryRun.fallback')}</Text>}
      <Text size="xs" c="dimmed">
        {t('dryRun.evaluatedAt', { at: formatDateTime(evaluation.evaluatedAt) })}
      </Text>
      {evaluation.rules.map((rule) => (
        <Paper key={rule.id} withBorder p="sm" data-rule={rule.id} data-matched={rule.matched}>
          <Group gap="xs" mb="xs">
            <Text fw={600}>{t('dryRun.rule', { id: rule.id, priority: rule.priority })}</Text>
            <Badge color={rule.matched ? 'teal.9' : 'gray.7'}>{rule.matched ? t('dryRun.matched') : t('dryRun.notMatched')}</Badge>
          </Group>
          <List listStyleType="none">
            <ConditionNode node={rule.conditions as Node} />
          </List>
        </Paper>
      ))}
    </Stack>
  );
}
