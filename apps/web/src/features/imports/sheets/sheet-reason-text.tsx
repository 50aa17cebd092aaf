import { Stack, Text } from '@mantine/core';
import { reasonParams, type SheetReason } from '@homeward/domain/sheets';
import { useTranslation } from 'react-i18next';

/** Reasons worded in the reader's language (the codes come from the server; the words from the catalogue). */
export function ReasonList({ reasons, color }: { reasons: readonly SheetReason[]; color?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {reasons.map((r, i) => (
        <Text key={i} size="sm" c={color} data-reason={r.code}>
          {t(`sheetReasons.${r.code}`, { ...reasonParams(r) })}
        </Text>
      ))}
    </Stack>
  );
}
