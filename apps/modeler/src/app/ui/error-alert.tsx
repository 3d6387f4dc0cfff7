// An error in words: the engine's message and every problem it named, or a plain sentence for a
// network failure. Used by every screen's error state and by forms after a refused write.
import { Alert, Button, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation('app');
  const { message, lines } = describeError(error, t('state.networkError'));
  return (
    <Alert color="red" title={title ?? t('state.error')} role="alert">
      <Stack gap="xs">
        <span>{message}</span>
        {lines.length > 0 && (
          <List size="sm">
            {lines.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
            {t('state.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function describeError(error: unknown, networkMessage: string): { message: string; lines: string[] } {
  if (error instanceof ApiError) {
    if (error.status === 0) return { message: networkMessage, lines: [] };
    return { message: error.message, lines: error.detailLines() };
  }
  return { message: error instanceof Error ? error.message : String(error), lines: [] };
}
