import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './page-header';

/** A page the person's roles do not open (reached by typing its address). */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('notAllowed.title')} />
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
