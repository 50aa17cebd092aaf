import type { ErrorCode } from '@homeward/domain';
import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/use-error-text';

/** A failed call, said in the person's language, with the reference to quote for server failures. */
export function ErrorAlert({ error, overrides }: { error: unknown; overrides?: Partial<Record<ErrorCode, string>> }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const { message, reference } = describe(error, overrides);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{message}</Text>
      {reference ? (
        <Text size="sm" mt={4}>
          {t('common.referenceLabel')}:{' '}
          <span className="ltr-token" data-testid="error-reference">
            {reference}
          </span>
        </Text>
      ) : null}
    </Alert>
  );
}
