import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar';
import { az } from './locales/az';
import { en } from './locales/en';
import { ru } from './locales/ru';
import { applyToDocument, initialLanguage } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/**
 * Starts i18next synchronously with every language bundled (they are small), before the first render,
 * so the first paint is already in the person's language and direction.
 */
export function setUpI18n(): typeof i18next {
  const lng = initialLanguage();
  applyToDocument(lng);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'az', 'ru', 'ar'],
    resources: {
      en: { translation: en },
      az: { translation: az },
      ru: { translation: ru },
      ar: { translation: ar },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
