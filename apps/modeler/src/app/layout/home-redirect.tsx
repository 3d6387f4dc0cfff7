// `/` sends the user to the first screen their roles allow (an analyst the studio, a seller the workspace).
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/use-session';
import { homePathFor } from '../navigation';

export function HomeRedirect() {
  const user = useCurrentUser();
  const { t } = useTranslation('app');
  const home = homePathFor(user.roles);
  if (home === undefined)
    return (
      <Alert color="yellow" title={t('state.noAccessTitle')}>
        {t('state.noAccessText')}
      </Alert>
    );
  return <Navigate to={home} replace />;
}
