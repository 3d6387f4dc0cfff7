// The workspace's tools in the app header, for sellers, managers and admins: the search
// (Ctrl/Cmd+K), quick add of a lead or an opportunity, and the notification bell.
import { Group } from '@mantine/core';
import { hasAnyRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-session';
import { WORKSPACE_ROLES } from '../../app/navigation';
import { NotificationBell } from '../notifications/notification-bell';
import { QuickAddMenu } from '../quick-add/quick-add-menu';
import { GlobalSearch } from './search-modal';

export function WorkspaceHeaderTools() {
  const user = useCurrentUser();
  if (!hasAnyRole(user.roles, WORKSPACE_ROLES)) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <GlobalSearch />
      <QuickAddMenu />
      <NotificationBell />
    </Group>
  );
}
