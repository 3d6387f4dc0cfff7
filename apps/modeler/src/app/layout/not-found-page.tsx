import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation('app');
  return (
    <Stack>
      <Title order={1}>{t('state.notFound')}</Title>
      <Text>{t('state.notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('state.home')}
      </Anchor>
    </Stack>
  );
}
