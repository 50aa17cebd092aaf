import { useDirection } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyToDocument, directionOf, isLanguageCode, rememberLanguage, DEFAULT_LANGUAGE } from './languages';
import type { LanguageCode } from './languages';

/**
 * The current language and a way to change it: remembered on the device, reflected on `<html lang dir>`,
 * and Mantine's direction flipped so the whole layout mirrors for Arabic.
 */
export function useLanguage(): { language: LanguageCode; setLanguage: (code: LanguageCode) => void } {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language = isLanguageCode(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  const setLanguage = useCallback(
    (code: LanguageCode) => {
      rememberLanguage(code);
      applyToDocument(code);
      setDirection(directionOf(code));
      void i18n.changeLanguage(code);
    },
    [i18n, setDirection],
  );

  return { language, setLanguage };
}
