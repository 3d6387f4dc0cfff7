// The router: the sign-in page, and every route of routes.tsx inside the signed-in layout,
// each behind its roles.
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRoles } from './auth/require-roles';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './auth/sign-in-page';
import { HomeRedirect } from './layout/home-redirect';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './layout/not-found-page';
import { appRoutes } from './routes';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        ...appRoutes.map(({ path, roles, Page }) => ({
          path,
          element: (
            <RequireRoles roles={roles}>
              <Page />
            </RequireRoles>
          ),
        })),
        { path: 'index.html', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
