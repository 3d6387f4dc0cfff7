// What the engine refused (a deploy's or validation's 422, a dry run's): every problem with the
// rule id and path it names, as text.
import { Alert, List } from '@mantine/core';
import { ApiError } from '../../../app/api/api-error';
import { ErrorAlert } from '../../../app/ui/error-alert';

export function ProblemsList({ error, title }: { error: unknown; title: string }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorAlert error={error} title={title} />;
  return (
    <Alert color="red" title={title} role="alert">
      {error.message}
      <List size="sm" mt="xs">
        {error.details.map((detail, index) => (
          <List.Item key={index} data-rule-id={detail.elementId} data-path={detail.path}>
            {[detail.elementId, detail.path].filter((part) => part !== undefined && part !== '').join(' › ')}
            {detail.elementId !== undefined || detail.path !== undefined ? ': ' : ''}
            {detail.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
