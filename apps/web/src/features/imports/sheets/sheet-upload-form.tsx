import { Autocomplete, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { SHEET_MAX_BYTES } from '@homeward/domain';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMegabytes } from '../../../i18n/format';
import { readAsBase64 } from '../../registry/read-file';
import { ErrorAlert } from '../../shell/error-alert';
import { useSheetSourcesQuery, useUploadSheetMutation } from './sheets.queries';

/**
 * Chooses a CSV or XLSX list and, optionally, its source (the saved sources are offered, so the saved mapping
 * applies at once); uploads it and hands the new sheet's id on to the mapping step.
 */
export function SheetUploadForm({ onUploaded }: { onUploaded: (sheetId: string) => void }) {
  const { t, i18n } = useTranslation();
  const upload = useUploadSheetMutation();
  const sources = useSheetSourcesQuery();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const size = (bytes: number) => formatMegabytes(bytes, i18n.resolvedLanguage ?? 'en');
  const tooBig = (bytes: number) => t('sheets.tooBig', { size: size(bytes), limit: size(SHEET_MAX_BYTES) });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setProblem(t('sheets.chooseFile'));
    if (file.size > SHEET_MAX_BYTES) return setProblem(tooBig(file.size));
    let dataBase64: string;
    setReading(true);
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      return setProblem(t('sheets.unreadable'));
    } finally {
      setReading(false);
    }
    setProblem(null);
    const sourceName = source.trim();
    upload.mutate({ fileName: file.name, dataBase64, ...(sourceName ? { sourceName } : {}) }, { onSuccess: (view) => onUploaded(view.id) });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('sheets.title')}>
      <Stack>
        <FileInput
          label={t('sheets.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setProblem(chosen && chosen.size > SHEET_MAX_BYTES ? tooBig(chosen.size) : null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('fileInput.clear') }}
          withAsterisk
          data-testid="sheet-file"
        />
        <Autocomplete
          label={t('sheets.source')}
          description={t('sheets.sourceHint')}
          data={(sources.data ?? []).map((s) => s.sourceName)}
          value={source}
          onChange={setSource}
          maxLength={100}
          dir="auto"
        />
        {problem ? (
          <Text size="sm" c="red.9" role="alert" data-testid="sheet-problem">
            {problem}
          </Text>
        ) : null}
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={reading || upload.isPending} leftSection={<IconFileSpreadsheet size={18} aria-hidden />} data-testid="sheet-upload">
            {t('sheets.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
