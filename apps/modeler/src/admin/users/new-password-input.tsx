// A password an admin sets for a user (a new user's first, or a reset): the engine takes 8 to 200
// characters, and the form says so before sending one shorter.
import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 8;

export function NewPasswordInput({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | false | undefined }) {
  const { t } = useTranslation('adminUsers');
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('app:form.togglePassword') }}
      label={t('password')}
      description={t('passwordHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoComplete="new-password"
    />
  );
}
