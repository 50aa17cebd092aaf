import { Button, Loader, Stack, Stepper, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { ProposedMapping, SheetView } from '@homeward/domain';
import type { SheetMapping } from '@homeward/domain/sheets';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shell/error-alert';
import { SheetMappingStep } from './sheet-mapping-step';
import { SheetPreviewStep } from './sheet-preview-step';
import { SheetSummary } from './sheet-summary';
import { SheetUploadForm } from './sheet-upload-form';
import { useImportSheetMutation, useSheetQuery } from './sheets.queries';

/** Mapping and preview of an uploaded sheet, holding the mapping being edited until the import starts. */
function SheetWizard({ sheet, onStarted }: { sheet: SheetView; onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const [proposed, setProposed] = useState<ProposedMapping>(sheet.proposed);
  const [mapping, setMapping] = useState<SheetMapping>(sheet.proposed.mapping);
  const [source, setSource] = useState(sheet.proposed.sourceName ?? '');
  const [step, setStep] = useState<'map' | 'preview'>('map');
  const [saveMapping, setSaveMapping] = useState(true);
  const [importAnyway, setImportAnyway] = useState(false);
  const start = useImportSheetMutation(sheet.id);
  const client = useQueryClient();
  return (
    <Stack gap="lg">
      <Stepper active={step === 'map' ? 1 : 2} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('sheets.steps.upload')} />
        <Stepper.Step label={t('sheets.steps.map')} />
        <Stepper.Step label={t('sheets.steps.preview')} />
        <Stepper.Step label={t('sheets.steps.import')} />
      </Stepper>
      {step === 'map' ? (
        <SheetMappingStep
          sheet={sheet}
          proposed={proposed}
          mapping={mapping}
          onMapping={setMapping}
          source={source}
          onSource={setSource}
          onProposed={(p) => {
            setProposed(p);
            setMapping(p.mapping);
          }}
          onNext={() => setStep('preview')}
        />
      ) : (
        <SheetPreviewStep
          sheet={sheet}
          mapping={mapping}
          onMapping={setMapping}
          source={source}
          saveMapping={saveMapping}
          onSaveMapping={setSaveMapping}
          importAnyway={importAnyway}
          onImportAnyway={setImportAnyway}
          onBack={() => setStep('map')}
          importing={start.isPending}
          importError={start.isError ? start.error : null}
          onImport={() =>
            start.mutate(
              { sourceName: source.trim(), mapping, saveMapping, duplicates: importAnyway ? 'import' : 'skip', rows: 'pending' },
              {
                onSuccess: ({ jobId }) => {
                  void client.invalidateQueries({ queryKey: ['sheets', sheet.id] });
                  onStarted(jobId);
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}

function SheetStage({ sheetId, jobId, onJob }: { sheetId: string; jobId: string | null; onJob: (jobId: string) => void }) {
  const { t } = useTranslation();
  const sheet = useSheetQuery(sheetId);
  const [retrying, setRetrying] = useState(false);
  if (sheet.isError) return <ErrorAlert error={sheet.error} />;
  if (!sheet.data) return <Loader aria-label={t('common.loading')} />;
  const running = jobId ?? sheet.data.jobId;
  if (retrying) {
    return (
      <SheetWizard
        sheet={sheet.data}
        onStarted={(next) => {
          setRetrying(false);
          onJob(next);
        }}
      />
    );
  }
  if (running) return <SheetSummary sheet={sheet.data} jobId={running} onJob={onJob} onRetry={() => setRetrying(true)} />;
  if (sheet.data.status !== 'uploaded') return <Text size="sm">{t('sheets.importing')}</Text>;
  return <SheetWizard sheet={sheet.data} onStarted={onJob} />;
}

/**
 * The spreadsheet import of the imports page: upload → column mapping → preview → import with progress →
 * summary. The sheet's id and its job's id are kept in the address, so a reload keeps the place.
 */
export function SheetImport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sheetId = params.get('sheet');
  const jobId = params.get('sheetJob');
  const client = useQueryClient();
  if (!sheetId) return <SheetUploadForm onUploaded={(id) => setParams({ sheet: id })} />;
  return (
    <Stack gap="md">
      <SheetStage
        sheetId={sheetId}
        jobId={jobId}
        onJob={(next) => {
          void client.invalidateQueries({ queryKey: ['sheets', sheetId] });
          setParams({ sheet: sheetId, sheetJob: next });
        }}
      />
      <div>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setParams({})} data-testid="sheet-another">
          {t('sheets.another')}
        </Button>
      </div>
    </Stack>
  );
}
