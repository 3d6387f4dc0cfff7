// The header's bell: the unread count (mentions, assignments, reminders — every in-app
// notification), a list of the newest, each marked read with a click; refreshed by polling.
import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/ui/query-state';
import { unreadCountQuery } from './api/notifications.query';

const NotificationList = lazy(async () => ({ default: (await import('./notification-list')).NotificationList }));

export function NotificationBell() {
  const { t } = useTranslation('workspaceNotifications');
  const [opened, setOpened] = useState(false);
  const unread = useQuery(unreadCountQuery());
  const count = unread.data ?? 0;
  return (
    // The count sits on the popover's button; the popover gives the button its aria-expanded.
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      disabled={count === 0}
      offset={4}
      // white on red 8 (5.3:1); Mantine's default red 6 is 3.3:1
      styles={{ indicator: { backgroundColor: 'var(--mantine-color-red-8)', color: 'var(--mantine-color-white)' } }}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" onClick={() => setOpened((open) => !open)} aria-label={t('bell', { count })} data-testid="notification-bell">
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          {opened && (
            <Suspense fallback={<LoadingState />}>
              <NotificationList />
            </Suspense>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
