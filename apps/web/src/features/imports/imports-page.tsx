import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { ImportForm } from './import-form';
import { ImportJob } from './import-job';
import { useExportMutation } from './imports.queries';
import { SheetImport } from './sheets/sheet-import';

/**
 * Import of people from a homeward.person/1 file as a background job with a progress bar and the rejected
 * lines, for those with `person.import`; and the export of the people in scope, for those with `person.export`.
 * The running job's id is kept in the address, so a reload keeps following it.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const exporting = useExportMutation();

  return (
    <>
      <PageHeader title={t('imports.title')} intro={t('imports.intro')} />
      <Stack gap="lg" maw={1100}>
        {can('person.import') ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="sheet-import-title">
            <Title order={2} size="h4" mb={4} id="sheet-import-title">
              {t('sheets.title')}
            </Title>
            <Text size="sm" mb="md" c="dimmed">
              {t('sheets.intro')}
            </Text>
            <SheetImport />
          </Card>
        ) : null}
        {can('person.import') ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="import-title">
            <Title order={2} size="h4" mb="sm" id="import-title">
              {t('imports.importTitle')}
            </Title>
            {jobId ? (
              <Stack gap="md">
                <ImportJob jobId={jobId} />
                <div>
                  <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setParams({})}>
                    {t('imports.another')}
                  </Button>
                </div>
              </Stack>
            ) : (
              <ImportForm onStarted={(id) => setParams({ job: id })} />
            )}
          </Card>
        ) : null}
        {can('person.export') ? (
          <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
            <Title order={2} size="h4" mb="sm" id="export-title">
              {t('imports.exportTitle')}
            </Title>
            <Text size="sm" mb="md">
              {t('imports.exportIntro')}
            </Text>
            <Button
              leftSection={<IconDownload size={18} aria-hidden />}
              loading={exporting.isPending}
              onClick={() => exporting.mutate(undefined, { onSuccess: () => notify('success', t('imports.exported')) })}
              data-testid="export-people"
            >
              {t('imports.exportButton')}
            </Button>
            {exporting.isError ? <ErrorAlert error={exporting.error} /> : null}
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
