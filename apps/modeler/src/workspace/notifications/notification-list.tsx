// The bell's list, loaded with its first opening: the newest 20 notifications, unread ones marked,
// each marked read with a click and, when it names a record, a link to its page.
import { Anchor, Badge, Button, Group, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format';
import { QueryState } from '../../app/ui/query-state';
import { recordHref } from '../records/record-kinds';
import { recentNotificationsQuery, useMarkRead } from './api/notifications.query';
import { notificationRecord } from './notification-target';

export function NotificationList() {
  const { t } = useTranslation('workspaceNotifications');
  const recent = useQuery(recentNotificationsQuery(true));
  const markRead = useMarkRead();
  return (
    <Stack gap="xs">
      <Text fw={700} component="h2" size="md">
        {t('title')}
      </Text>
      <QueryState query={recent} isEmpty={(page) => page.items.length === 0} empty={t('empty')}>
        {(page) => (
          <ScrollArea.Autosize mah={420}>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {page.items.map((notification) => {
                const record = notificationRecord(notification.message);
                const unread = notification.readAt === null;
                return (
                  <li key={notification.id} data-notification-id={notification.id}>
                    {unread && (
                      <Badge size="xs" color="blue.8" variant="filled" mr={6}>
                        {t('unread')}
                      </Badge>
                    )}
                    <Text size="sm" component="span" fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                      {notification.message}
                    </Text>
                    <Group gap="xs" mt={4} justify="space-between">
                      <Text size="xs" c="gray.7">
                        {formatDateTime(notification.createdAt)}
                        {record !== undefined && (
                          <>
                            {' · '}
                            <Anchor component={Link} to={recordHref(record.type, record.id)} size="xs" underline="always">
                              {t('openRecord')}
                            </Anchor>
                          </>
                        )}
                      </Text>
                      {unread && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          loading={markRead.isPending && markRead.variables === notification.id}
                          onClick={() => markRead.mutate(notification.id)}
                        >
                          {t('markRead')}
                          <VisuallyHidden>: {notification.message}</VisuallyHidden>
                        </Button>
                      )}
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </QueryState>
    </Stack>
  );
}
