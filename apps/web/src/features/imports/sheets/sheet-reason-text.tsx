import { Stack, Text } from '@mantine/core';
import { reasonParams, type SheetReason } from '@homeward/domain/sheets';
import { useTranslation } from 'react-i18next';
import { isolate } from './sheet-labels';

/** The reason's values isolated, so an Arabic name or value inside an English sentence keeps its order. */
function isolated(reason: SheetReason) {
  const p = reasonParams(reason);
  return { ...p, column: isolate(p.column), value: isolate(p.value), personName: isolate(p.personName) };
}

/** Reasons worded in the reader's language (the codes come from the server; the words from the catalogue). */
export function ReasonList({ reasons, color }: { reasons: readonly SheetReason[]; color?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {reasons.map((r, i) => (
        <Text key={i} size="sm" c={color} data-reason={r.code}>
          {t(`sheetReasons.${r.code}`, isolated(r))}
        </Text>
      ))}
    </Stack>
  );
}
