import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../api/use-error-text';
import { NotFoundPage } from './not-found-page';

/**
 * The route error boundary. Inside the shell it fills the main region; outside (`standalone`) it brings its
 * own main landmark. A server failure shows its reference so the person can quote it.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const describe = useErrorText();
  useDocumentTitle(`${t('errorPage.title')} · ${t('app.name')}`);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return standalone ? (
      <Container component="main" py="xl">
        <NotFoundPage />
      </Container>
    ) : (
      <NotFoundPage />
    );
  }
  if (!isApiError(error)) console.error(error);
  const { message, reference } = describe(error);

  const content = (
    <Stack align="flex-start" gap="md" data-testid="error-page">
      <Group gap="sm">
        <IconAlertTriangle size={32} color="var(--mantine-color-red-8)" aria-hidden />
        <Title order={1} size="h2">
          {t('errorPage.title')}
        </Title>
      </Group>
      <Text>{isApiError(error) ? message : t('errorPage.body')}</Text>
      {reference ? (
        <Text>
          {t('errorPage.reference', { reference: '' })}
          <span className="ltr-token" data-testid="error-reference">
            {reference}
          </span>
        </Text>
      ) : null}
      <Group>
        <Button onClick={() => window.location.reload()}>{t('errorPage.reload')}</Button>
        <Button component="a" href="/" variant="default">
          {t('errorPage.home')}
        </Button>
      </Group>
    </Stack>
  );
  return standalone ? (
    <Container component="main" py="xl" id="main-content">
      {content}
    </Container>
  ) : (
    content
  );
}
