// The sign-in form: POST /auth/session sets the session cookie; then on to where the user was going.
import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/error-alert';
import { LoadingState } from '../ui/query-state';
import { safeNextPath } from './safe-next-path';
import { sessionQuery } from './session.api';
import { useSignIn } from './use-session';

export function SignInPage() {
  const { t } = useTranslation('app');
  const session = useQuery(sessionQuery);
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      username: username.trim() === '' ? t('signIn.usernameRequired') : undefined,
      password: password === '' ? t('signIn.passwordRequired') : undefined,
    };
    setMissing(problems);
    if (problems.username || problems.password) return;
    signIn.mutate({ username: username.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            {signIn.isError && <ErrorAlert error={signIn.error} title={t('signIn.failed')} />}
            <TextInput
              label={t('signIn.username')}
              name="username"
              autoComplete="username"
              required
              withAsterisk={false}
              value={username}
              error={missing.username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('form.togglePassword') }}
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              error={missing.password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
