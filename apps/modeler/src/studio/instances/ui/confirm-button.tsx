// A button whose action is confirmed first in a dialog (cancel an instance, retry an incident);
// the engine's refusal is shown in words inside the dialog, which stays open.
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui/error-alert';

export function ConfirmButton({
  children,
  title,
  text,
  confirmLabel,
  onConfirm,
  ariaLabel,
  ...button
}: {
  children: ReactNode;
  title: string;
  text: string;
  confirmLabel: string;
  /** The action; the dialog closes when it resolves and shows the error when it throws. */
  onConfirm: () => Promise<unknown>;
  ariaLabel?: string;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const { t } = useTranslation('instances');
  const [opened, { open, close }] = useDisclosure(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async (): Promise<void> => {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button {...button} onClick={open} aria-label={ariaLabel}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': t('confirm.close') }}>
        <Stack>
          <Text size="sm">{text}</Text>
          {error !== undefined && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('confirm.cancel')}
            </Button>
            <Button color={button.color ?? 'blue'} loading={pending} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
