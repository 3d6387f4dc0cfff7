// The search dialog's content, loaded with the dialog's first opening (out of the first screen):
// GET /search 250 ms after the last key, the results as links to the records' pages; Enter in the
// field opens the first, the arrow keys walk the list, the number found is announced.
import { Badge, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/ui/error-alert';
import { recordHref } from '../records/record-kinds';
import { MIN_QUERY_LENGTH, searchQuery } from './api/search.query';

export function SearchBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('workspaceSearch');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const query = useQuery(searchQuery(debounced));
  const searched = debounced.trim().length >= MIN_QUERY_LENGTH;
  const hits = searched ? (query.data?.items ?? []) : [];

  /** Arrow keys walk from the field through the results and back (each result is a link: Enter opens it). */
  const focusHit = (index: number) => {
    if (index < 0) document.getElementById('search-field')?.focus();
    else document.getElementById(`search-hit-${Math.min(index, hits.length - 1)}`)?.focus();
  };

  return (
    <Stack gap="sm">
      <TextInput
        id="search-field"
        data-autofocus
        label={t('label')}
        description={t('hint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && hits.length > 0) {
            event.preventDefault();
            focusHit(0);
          } else if (event.key === 'Enter' && hits[0] !== undefined) {
            event.preventDefault();
            onDone();
            void navigate(recordHref(hits[0].type, hits[0].id));
          }
        }}
        rightSection={query.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
      />
      {query.isError && <ErrorAlert error={query.error} />}
      <output aria-live="polite">
        {searched && query.isSuccess && (
          <Text size="sm" c="gray.7" component="span">
            {hits.length === 0 ? t('none', { text: debounced.trim() }) : t('found', { count: hits.length })}
          </Text>
        )}
      </output>
      <Stack gap={4} component="ul" aria-label={t('results')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {hits.map((hit, index) => (
          <li key={`${hit.type}:${hit.id}`}>
            <UnstyledButton
              component={Link}
              to={recordHref(hit.type, hit.id)}
              id={`search-hit-${index}`}
              className="search-hit"
              onClick={onDone}
              onKeyDown={(event: ReactKeyboardEvent<HTMLAnchorElement>) => {
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  event.preventDefault();
                  focusHit(event.key === 'ArrowDown' ? index + 1 : index - 1);
                }
              }}
              p="xs"
              style={{ display: 'block', borderRadius: 4 }}
            >
              <Group gap="sm" wrap="nowrap">
                <Badge variant="outline" color="gray.8" w={110} style={{ flexShrink: 0 }}>
                  {t(`types.${hit.type}`)}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {hit.title}
                  </Text>
                  {(hit.emails.length > 0 || hit.phones.length > 0) && (
                    <Text size="xs" c="gray.7" truncate>
                      {[...hit.emails, ...hit.phones].join(' · ')}
                    </Text>
                  )}
                </div>
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
