import type { ErrorCode } from '@homeward/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-error';

export interface ErrorText {
  message: string;
  /** Set for server failures: the person quotes it, support finds the log entry. */
  reference: string | undefined;
}

/**
 * What to tell the person about a failed call. The server writes its messages in English: English readers
 * get them as they are; everyone else gets the meaning of the error code in their own language. A caller
 * may give its own words for a code where the context makes them clearer (a 401 at sign-in means "wrong
 * password", not "you are not signed in").
 */
export function useErrorText(): (error: unknown, overrides?: Partial<Record<ErrorCode, string>>) => ErrorText {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error, overrides) => {
      if (!isApiError(error)) return { message: t('errors.internal'), reference: undefined };
      if (error.status === 0) return { message: t('errors.network'), reference: undefined };
      const reference = error.isServerError ? error.reference : undefined;
      const override = overrides?.[error.code];
      if (override) return { message: override, reference };
      const message = i18n.resolvedLanguage === 'en' ? error.message : t(`errors.${error.code}`);
      return { message, reference };
    },
    [t, i18n],
  );
}
