import { Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMegabytes } from '../../i18n/format';
import { ErrorAlert } from '../shell/error-alert';
import { IMPORT_BODY_LIMIT, useStartImportMutation } from './imports.queries';

/** The source name a file suggests: its name without the extension ("shelter-b.jsonl" → "shelter-b"). */
function sourceOf(fileName: string): string {
  return fileName.replace(/\.(jsonl|ndjson|json|txt)$/i, '').slice(0, 100);
}

/**
 * Chooses a homeward.person/1 file and the name of its source system, checks it fits in one request, and
 * starts the import job; `onStarted` gets the job's id.
 */
export function ImportForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t, i18n } = useTranslation();
  const start = useStartImportMutation();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [sourceEdited, setSourceEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const size = (bytes: number) => formatMegabytes(bytes, i18n.resolvedLanguage ?? 'en');
  const tooBig = (bytes: number) => t('imports.tooBig', { size: size(bytes), limit: size(IMPORT_BODY_LIMIT) });

  const onFile = (chosen: File | null) => {
    setFile(chosen);
    setProblem(chosen && chosen.size > IMPORT_BODY_LIMIT ? tooBig(chosen.size) : null);
    if (chosen && !sourceEdited) setSource(sourceOf(chosen.name));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setProblem(t('imports.chooseFile'));
    const sourceSystem = source.trim();
    if (!sourceSystem) return setProblem(t('imports.sourceRequired'));
    if (file.size > IMPORT_BODY_LIMIT) return setProblem(tooBig(file.size));
    let content: string;
    setReading(true);
    try {
      content = await file.text();
    } catch {
      return setProblem(t('imports.unreadable'));
    } finally {
      setReading(false);
    }
    if (!content.trim()) return setProblem(t('imports.emptyFile'));
    // The request is JSON: quotes in the lines are escaped, so the body can outgrow the file.
    const bodyBytes = new TextEncoder().encode(JSON.stringify({ sourceSystem, content })).length;
    if (bodyBytes > IMPORT_BODY_LIMIT) return setProblem(tooBig(bodyBytes));
    setProblem(null);
    start.mutate({ sourceSystem, content }, { onSuccess: ({ jobId }) => onStarted(jobId) });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('imports.importTitle')}>
      <Stack>
        <FileInput
          label={t('imports.file')}
          accept=".jsonl,.ndjson,application/x-ndjson,application/jsonl"
          value={file}
          onChange={onFile}
          clearable
          clearButtonProps={{ 'aria-label': t('fileInput.clear') }}
          withAsterisk
          data-testid="import-file"
        />
        <TextInput
          label={t('imports.source')}
          description={t('imports.sourceHint')}
          value={source}
          onChange={(e) => {
            setSource(e.currentTarget.value);
            setSourceEdited(true);
          }}
          maxLength={100}
          withAsterisk
          dir="auto"
        />
        {problem ? (
          <Text size="sm" c="red.9" role="alert" data-testid="import-problem">
            {problem}
          </Text>
        ) : null}
        {start.isError ? <ErrorAlert error={start.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={reading || start.isPending} leftSection={<IconFileImport size={18} aria-hidden />} data-testid="import-submit">
            {t('imports.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
