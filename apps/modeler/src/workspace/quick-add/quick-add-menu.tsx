// Quick add from the header: a lead or an opportunity in a small dialog; on create the record's
// process starts (the engine does it in the create's transaction) and its page is one click away.
import { Button, Menu, Modal } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/ui/query-state';
import type { QuickAddKind } from './api/quick-add.api';

const QuickAddForm = lazy(async () => ({ default: (await import('./quick-add-form')).QuickAddForm }));

export function QuickAddMenu() {
  const { t } = useTranslation('workspaceQuickAdd');
  const [kind, setKind] = useState<QuickAddKind | undefined>();
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" data-testid="quick-add">
            {t('open')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setKind('lead')}>{t('lead.menu')}</Menu.Item>
          <Menu.Item onClick={() => setKind('opportunity')}>{t('opportunity.menu')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={kind !== undefined}
        onClose={() => setKind(undefined)}
        title={kind === undefined ? '' : t(`${kind}.title`)}
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        {kind !== undefined && (
          <Suspense fallback={<LoadingState />}>
            <QuickAddForm key={kind} kind={kind} onClose={() => setKind(undefined)} />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
