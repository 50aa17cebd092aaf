import type { KinshipAnswer } from '@homeward/domain/kinship';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { kinshipEn } from '../../i18n/locales/kinship/en';
import { isOneOf } from '../registry/labels';
import type { ConnectingRole, KinRole } from './hypotheses';

type VerbalKey = keyof typeof kinshipEn.kinship.verbal;
const VERBAL_BY_TEXT = new Map(Object.entries(kinshipEn.kinship.verbal).map(([key, text]) => [text, key as VerbalKey]));
const CUSTODY = ['collected', 'shipped', 'received', 'typed', 'corrected'] as const;

/** Digits as superscripts, for "1.23 × 10⁷". */
const superscript = (n: number) => String(n).replace(/[-0-9]/g, (d) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(d)] ?? d);

function localeOf(language: string): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}

/** A likelihood ratio as a person reads it: 20, 3,560 or 1.23 × 10⁷ (0 for an exclusion). */
export function formatLr(lr: number, language: string): string {
  if (lr === 0) return '0';
  const locale = localeOf(language);
  if (lr >= 1e-3 && lr < 1e6) return new Intl.NumberFormat(locale, lr >= 100 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 }).format(lr);
  const exponent = Math.floor(Math.log10(lr));
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(lr / 10 ** exponent)} × 10${superscript(exponent)}`;
}

/** Translated words for the kinship codes; anything the server adds later is shown as it comes. */
export function useKinshipLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      role: (role: KinRole | ConnectingRole | 'unrelated') => t(`kinship.role.${role}`),
      conclusion: (c: KinshipAnswer['conclusion']) => t(`kinship.conclusion.${c}`),
      /** The verbal scale is configuration: its default steps are translated, others shown as written. */
      verbal: (text: string) => {
        const against = text.endsWith(' for the alternative') ? text.slice(0, -' for the alternative'.length) : null;
        const key = VERBAL_BY_TEXT.get(against ?? text);
        if (!key) return text;
        return against ? t('kinship.verbalForAlternative', { label: t(`kinship.verbal.${key}`) }) : t(`kinship.verbal.${key}`);
      },
      custody: (kind: string) => (isOneOf(CUSTODY, kind) ? t(`kinship.custody.${kind}`) : kind),
      profileKind: (kind: 'child' | 'reference') => t(`kinship.profileKind.${kind}`),
      /** The engine's note on a marker, in the reader's language where it is one of the known notes. */
      markerNote: (note: string) =>
        note
          .split('; ')
          .filter((part) => !part.startsWith('floor frequency for '))
          .map((part) => {
            const missing = /^not in database (.+)$/.exec(part);
            if (missing) return t('kinship.note.notInDatabase', { name: missing[1] });
            if (part === 'left out') return null;
            if (part === 'typed in one person only') return t('kinship.note.typedOnce');
            if (part === 'impossible under the alternative') return t('kinship.note.impossibleAlternative');
            if (part.startsWith('θ:')) return t('kinship.note.thetaApproximation');
            return part;
          })
          .filter((part): part is string => Boolean(part))
          .join('; '),
    }),
    [t],
  );
}
