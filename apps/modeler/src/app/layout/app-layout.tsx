// The signed-in frame: a header with the user and sign-out, the navigation their roles allow
// (behind a button up to tablet width, a side bar from the `md` breakpoint, 992 px, up) and the page.
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '../auth/use-session';
import { navigationFor } from '../navigation';
import { LoadingState } from '../ui/query-state';
import { WorkspaceHeaderTools } from '../../workspace/search/workspace-header-tools';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the md breakpoint the closed navigation is only moved off screen: inert keeps keyboard
  // focus and screen readers out of it until the button opens it.
  const narrow = useMediaQuery('(max-width: 61.99em)') ?? false;
  const sections = navigationFor(user.roles);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app:skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('app:navigation.toggle')} />
            <Text fw={700} size="lg">
              {t('app:appName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <WorkspaceHeaderTools />
            <Text size="sm" truncate maw={260} data-testid="current-user" title={t('app:session.roles', { roles: user.roles.join(', ') })}>
              <VisuallyHidden>{t('app:session.signedInAs', { name: '' })}</VisuallyHidden>
              {user.displayName}
            </Text>
            <Button
              variant="default"
              size="xs"
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}
            >
              {t('app:session.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app:navigation.label')} component="nav" inert={narrow && !opened}>
        <ScrollArea>
          <Stack gap="md">
            {sections.map((section) => (
              <div key={section.id}>
                <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" pb={4} component="h2">
                  {t(section.label)}
                </Text>
                {section.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    label={t(item.label)}
                    active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                    // filled: white on the primary colour; the light variant's text misses 4.5:1
                    variant="filled"
                    onClick={close}
                  />
                ))}
              </div>
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
