// The providers every screen relies on: Mantine (theme, notifications), react-query, i18n, the router.
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './api/api-fetch';
import { setCsrfToken } from './api/csrf-token';
import { forgetUser, sessionKeys } from './auth/session.api';
import { initI18n } from './i18n';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

const i18n = initI18n();

/** `queryClient` is made by main.tsx, which starts the page's reads with it before the first render. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(createAppRouter);

  // A 401 on any call means the session ended elsewhere (expired, signed out, deactivated):
  // forget what was cached for this user and go back to the sign-in page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!queryClient.getQueryData(sessionKeys.current)) return;
      setCsrfToken(undefined);
      forgetUser(queryClient);
      notifications.show({ color: 'yellow', message: i18n.t('app:session.expired') });
    });
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
