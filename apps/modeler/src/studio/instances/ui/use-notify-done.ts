// A green notification that a write went through, its close button named (axe: a button needs a name).
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

export function useNotifyDone(): (message: string) => void {
  const { t } = useTranslation('instances');
  return (message) => notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('confirm.close') } });
}
