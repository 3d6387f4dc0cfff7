// The global search: a button in the header and Ctrl/Cmd+K open a dialog that searches as the user
// types (its content, search-body.tsx, loads with the first opening).
import { Button, Modal, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/ui/query-state';
import { isSearchShortcut } from './search-shortcut';

const SearchBody = lazy(async () => ({ default: (await import('./search-body')).SearchBody }));

export function GlobalSearch() {
  const { t } = useTranslation('workspaceSearch');
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      setOpened(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)} aria-keyshortcuts="Control+K Meta+K" data-testid="open-search">
        {t('open')}
        <Text component="span" size="xs" ml="xs" c="gray.7" visibleFrom="sm">
          Ctrl+K
        </Text>
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('title')} size="lg" yOffset="10vh" closeButtonProps={{ 'aria-label': t('close') }}>
        {opened && (
          <Suspense fallback={<LoadingState />}>
            <SearchBody onDone={() => setOpened(false)} />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
