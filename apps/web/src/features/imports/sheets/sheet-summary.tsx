import { Alert, Anchor, Button, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { sheetImportResultSchema, type SheetView } from '@homeward/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLanguageCode } from '../../../i18n/languages';
import { ErrorAlert } from '../../shell/error-alert';
import { CountTile } from '../../shell/job-progress';
import { ImportProgress } from '../import-job';
import { useJobQuery } from '../imports.queries';
import { columnLabel } from './sheet-labels';
import { ReasonList } from './sheet-reason-text';
import { useDownloadRejectedMutation, useImportSheetMutation, useSheetProblemRowsQuery } from './sheets.queries';

/** The rows not imported, each with the list's own values, the reasons, and the person it may duplicate. */
function ProblemRows({ sheet }: { sheet: SheetView }) {
  const { t, i18n } = useTranslation();
  const rows = useSheetProblemRowsQuery(sheet.id, true);
  const lang = isLanguageCode(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const download = useDownloadRejectedMutation(sheet.id, sheet.fileName);
  if (rows.isError) return <ErrorAlert error={rows.error} />;
  if (!rows.data) return null;
  if (rows.data.total === 0) return <Text size="sm">{t('sheets.allImported')}</Text>;
  const nameColumns = sheet.mapping ? sheet.mapping.columns.flatMap((f, i) => (['given', 'father', 'grandfather', 'family', 'full_name'].includes(f) ? [i] : [])) : [];
  return (
    <Stack gap="xs" data-testid="sheet-problems">
      <Group justify="space-between" wrap="wrap">
        <Title order={4} size="h6">
          {t('sheets.problemsTitle', { n: rows.data.total })}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} loading={download.isPending && download.variables.format === 'csv'} onClick={() => download.mutate({ format: 'csv', lang })}>
            {t('sheets.downloadCsv')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} loading={download.isPending && download.variables.format === 'xlsx'} onClick={() => download.mutate({ format: 'xlsx', lang })}>
            {t('sheets.downloadXlsx')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('sheets.downloadHint')}
      </Text>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
      {rows.data.rows.length < rows.data.total ? <Text size="xs">{t('sheets.problemsShown', { shown: rows.data.rows.length, total: rows.data.total })}</Text> : null}
      <Table.ScrollContainer minWidth={560} mah={420}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('sheets.problemsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={60}>
                {t('sheets.row')}
              </Table.Th>
              <Table.Th scope="col">{t('sheets.name')}</Table.Th>
              <Table.Th scope="col">{t('sheets.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.rows.map((r) => {
              const name = nameColumns.map((i) => r.cells[i]).filter(Boolean).join(' ');
              const fallback = r.cells.filter(Boolean).slice(0, 3).join(' · ');
              return (
                <Table.Tr key={r.row} data-testid="problem-row" data-status={r.status}>
                  <Table.Td className="ltr-token">{r.row}</Table.Td>
                  <Table.Td>
                    <bdi>{name || fallback || columnLabel([], 0, () => '—')}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <ReasonList reasons={r.reasons} color={r.status === 'duplicate' ? '#8a3b00' : 'red.9'} />
                    {r.duplicateOf ? (
                      <Anchor component={Link} to={`/people/${r.duplicateOf}`} size="sm">
                        {t('sheets.openDuplicate')}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * A sheet's import job: the progress bar, then what happened (created, updated, unchanged, possible
 * duplicates, rejected), the rows not imported with their reasons and downloads, and "import the possible
 * duplicates anyway" for a person who has checked them.
 */
export function SheetSummary({ sheet, jobId, onJob, onRetry }: { sheet: SheetView; jobId: string; onJob: (jobId: string) => void; onRetry: () => void }) {
  const { t } = useTranslation();
  const job = useJobQuery(jobId);
  const again = useImportSheetMutation(sheet.id);
  if (job.isError) return <ErrorAlert error={job.error} />;
  if (!job.data) return <Progress value={100} striped animated size="xl" aria-label={t('imports.progressLabel')} />;
  const result = job.data.status === 'succeeded' ? sheetImportResultSchema.safeParse(job.data.result) : null;
  return (
    <Stack gap="md">
      <ImportProgress job={job.data} unit="rows" />
      {job.data.status === 'failed' ? (
        <Stack gap="xs" align="flex-start">
          <Alert color="red" variant="light" role="alert" w="100%">
            {t('imports.failed', { error: job.data.error ?? '' })}
          </Alert>
          {sheet.status !== 'imported' ? (
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onRetry}>
              {t('sheets.retry')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
      {result?.success ? (
        <Stack gap="md" data-testid="sheet-result">
          <Title order={3} size="h5">
            {t('sheets.summaryTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <CountTile label={t('sheets.created')} value={result.data.created} testId="sheet-created" />
            <CountTile label={t('sheets.updated')} value={result.data.updated} testId="sheet-updated" />
            <CountTile label={t('sheets.unchanged')} value={result.data.unchanged} testId="sheet-unchanged" />
            <CountTile label={t('sheets.duplicates')} value={result.data.duplicates} testId="sheet-duplicates" />
            <CountTile label={t('sheets.rejected')} value={result.data.rejected} testId="sheet-rejected" />
          </SimpleGrid>
          <ProblemRows key={jobId} sheet={sheet} />
          {result.data.duplicates > 0 && sheet.mapping && sheet.sourceName ? (
            <Stack gap={4} align="flex-start">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                loading={again.isPending}
                onClick={() =>
                  again.mutate(
                    { sourceName: sheet.sourceName!, mapping: sheet.mapping!, saveMapping: false, duplicates: 'import', rows: 'duplicates' },
                    { onSuccess: ({ jobId: next }) => onJob(next) },
                  )
                }
              >
                {t('sheets.importDuplicates')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('sheets.importDuplicatesHint')}
              </Text>
              {again.isError ? <ErrorAlert error={again.error} /> : null}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
