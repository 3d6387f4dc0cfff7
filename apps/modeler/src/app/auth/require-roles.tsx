// A screen for some roles only: others see "no access" instead (the engine refuses their calls anyway).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@mantine/core';
import { hasAnyRole, type Role } from './roles';
import { useCurrentUser } from './use-session';

export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useTranslation('app');
  if (!hasAnyRole(user.roles, roles))
    return (
      <Alert color="yellow" title={t('state.noAccessTitle')}>
        {t('state.forbidden')}
      </Alert>
    );
  return <>{children}</>;
}
