import { Alert, Button, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../api/download';
import { ErrorAlert } from '../shell/error-alert';
import { CountTile, JobProgress } from '../shell/job-progress';
import { importResultSchema, useJobQuery } from './imports.queries';
import type { ImportResult, JobView, LineProblem } from './imports.queries';
import { rejectedLinesCsv } from './rejected-csv';

/** The bar while an import runs: lines (or a sheet's rows) read of all, full once it has finished. */
export function ImportProgress({ job, unit = 'lines' }: { job: JobView; unit?: 'lines' | 'rows' }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  const ns = unit === 'rows' ? 'sheets' : 'imports';
  const text =
    job.status === 'queued' ? t('imports.queued') : total === null ? t(`${ns}.progressUnknown`, { done }) : t(`${ns}.progress`, { done, total });
  return <JobProgress job={job} label={t('imports.progressLabel')} text={text} testId="import-progress" />;
}

function ProblemTable({ problems, label }: { problems: readonly LineProblem[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480} mah={360}>
      <Table striped verticalSpacing={4} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={80}>
              {t('imports.line')}
            </Table.Th>
            <Table.Th scope="col">{t('imports.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={`${p.line}-${p.reason}`}>
              <Table.Td className="ltr-token">{p.line}</Table.Td>
              <Table.Td lang="en">
                <bdi dir="ltr">{p.reason}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}


/** What the import did: counts, and every rejected line with its number and reason, to download and fix. */
function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="import-result">
      <Title order={3} size="h5">
        {t('imports.resultTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <CountTile label={t('imports.created')} value={result.created} testId="import-created" />
        <CountTile label={t('imports.updated')} value={result.updated} testId="import-updated" />
        <CountTile label={t('imports.unchanged')} value={result.unchanged} testId="import-unchanged" />
      </SimpleGrid>
      {result.rejectedTotal === 0 ? (
        <Text size="sm">{t('imports.rejectedNone')}</Text>
      ) : (
        <Stack gap="xs" data-testid="import-rejected">
          <Group justify="space-between">
            <Title order={4} size="h6">
              {t('imports.rejected', { n: result.rejectedTotal })}
            </Title>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => saveBlob(new Blob([rejectedLinesCsv(result.rejected)], { type: 'text/csv;charset=utf-8' }), 'rejected-lines.csv')}
            >
              {t('imports.downloadRejected')}
            </Button>
          </Group>
          {result.rejected.length < result.rejectedTotal ? (
            <Text size="xs" c="dimmed">
              {t('imports.rejectedShown', { shown: result.rejected.length, total: result.rejectedTotal })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('imports.reasonLanguage')}
          </Text>
          <ProblemTable problems={result.rejected} label={t('imports.rejectedLabel')} />
        </Stack>
      )}
      {result.warnings.length > 0 ? (
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('imports.warnings', { n: result.warnings.length })}
          </Title>
          <ProblemTable problems={result.warnings} label={t('imports.warningsLabel')} />
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A running or finished import job: the progress bar, then the result or why it stopped. */
export function ImportJob({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useJobQuery(jobId);
  if (job.isError) return <ErrorAlert error={job.error} />;
  if (!job.data) return <Progress value={100} striped animated size="xl" aria-label={t('imports.progressLabel')} />;
  const result = job.data.status === 'succeeded' ? importResultSchema.safeParse(job.data.result) : null;
  return (
    <Stack gap="md">
      <ImportProgress job={job.data} />
      {job.data.status === 'failed' ? (
        <Alert color="red" variant="light" role="alert">
          {t('imports.failed', { error: job.data.error ?? '' })}
        </Alert>
      ) : null}
      {result?.success ? <ImportResultView result={result.data} /> : null}
      {result && !result.success ? <ErrorAlert error={null} /> : null}
    </Stack>
  );
}
