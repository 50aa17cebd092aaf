import { Alert, Badge, Button, Checkbox, Group, List, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import type { PreviewRow, SheetView } from '@homeward/domain';
import { SHEET_REASON_CODES, type SheetMapping, type SheetSex } from '@homeward/domain/sheets';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { isolate, parentName, recordNames } from './sheet-labels';
import { ReasonList } from './sheet-reason-text';
import { usePreviewQuery } from './sheets.queries';

interface Props {
  sheet: SheetView;
  mapping: SheetMapping;
  onMapping: (mapping: SheetMapping) => void;
  source: string;
  saveMapping: boolean;
  onSaveMapping: (save: boolean) => void;
  importAnyway: boolean;
  onImportAnyway: (anyway: boolean) => void;
  onBack: () => void;
  onImport: () => void;
  importing: boolean;
  importError: unknown;
}

function RowCells({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const r = row.record;
  if (!r) {
    return (
      <Table.Td colSpan={5}>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {row.cells.filter(Boolean).map((c, i) => (
            <span key={i}>
              {i > 0 ? ' · ' : ''}
              <bdi>{c}</bdi>
            </span>
          ))}
        </Text>
      </Table.Td>
    );
  }
  const years = r.birth?.estimated_age?.years;
  const mother = parentName(r, 'mother');
  const father = parentName(r, 'father');
  const shelter = typeof r['shelter'] === 'string' ? r['shelter'] : null;
  return (
    <>
      <Table.Td>
        {recordNames(r).map((n, i) => (
          <Group gap={6} key={i} wrap="nowrap">
            <Text size="sm" fw={i === 0 ? 600 : 400}>
              <bdi>{n}</bdi>
            </Text>
            {i === 0 && row.script ? (
              <Badge size="xs" variant="outline" color="gray">
                {t(`sheets.scripts.${row.script}`)}
              </Badge>
            ) : null}
          </Group>
        ))}
      </Table.Td>
      <Table.Td>{r.sex ? t(`sheets.sexOptions.${r.sex}`) : '—'}</Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {r.birth?.date ? (
            <Text size="sm">
              {t('sheets.born', { date: '' })}
              <span className="ltr-token">{r.birth.date}</span>
            </Text>
          ) : null}
          {years !== undefined ? <Text size="sm">{t('sheets.ageYears', { years })}</Text> : null}
          {r.birth?.place ? (
            <Text size="sm">
              <bdi>{r.birth.place}</bdi>
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {mother ? <Text size="sm">{t('sheets.mother', { name: mother })}</Text> : null}
          {father ? <Text size="sm">{t('sheets.father', { name: father })}</Text> : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <bdi>{shelter ?? ''}</bdi>
      </Table.Td>
    </>
  );
}

/**
 * The preview: how the sex column's values read (and a way to say what an unknown one means), counts of the
 * rows that can be imported and of each problem, and the first rows as they would become people, each with
 * its validation in the reader's language. Then the import, with "save the mapping" and "import anyway".
 */
export function SheetPreviewStep(props: Props) {
  const { t } = useTranslation();
  const { sheet, mapping, onMapping } = props;
  const preview = usePreviewQuery(sheet.id, mapping);
  if (preview.isError) return <ErrorAlert error={preview.error} />;
  if (!preview.data) return <Loader aria-label={t('common.loading')} />;
  const p = preview.data;
  const setSex = (key: string, sex: SheetSex | null) => {
    const sexValues = { ...mapping.sexValues };
    if (sex) sexValues[key] = sex;
    else delete sexValues[key];
    onMapping({ ...mapping, sexValues });
  };
  const reasons = SHEET_REASON_CODES.filter((c) => (p.reasonCounts[c] ?? 0) > 0);

  return (
    <Stack gap="md" data-testid="sheet-preview">
      {p.sexValues.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('sheets.sexValuesTitle')}
          </Title>
          <Table verticalSpacing={4} fz="sm" aria-label={t('sheets.sexValuesTitle')} maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sheets.sexValue')}</Table.Th>
                <Table.Th scope="col">{t('sheets.sexCount')}</Table.Th>
                <Table.Th scope="col">{t('sheets.sexReadsAs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sexValues.map((v) => (
                <Table.Tr key={v.key}>
                  <Table.Th scope="row">
                    <bdi>{v.value}</bdi>
                  </Table.Th>
                  <Table.Td className="ltr-token">{v.count}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('sheets.sexReadsAsFor', { value: v.value })}
                      data={(['F', 'M', 'U', 'unknown'] as const).map((o) => ({ value: o, label: t(`sheets.sexOptions.${o}`) }))}
                      value={v.sex ?? 'unknown'}
                      onChange={(o) => o && setSex(v.key, o === 'unknown' ? null : (o as SheetSex))}
                      allowDeselect={false}
                      error={v.sex === null}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}

      <Alert color={p.invalid === 0 ? 'teal' : 'yellow'} variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="preview-counts">
        <Text size="sm" fw={600}>
          {t('sheets.counts', { valid: p.valid, checked: p.checked, invalid: p.invalid })}
        </Text>
        {p.checked < sheet.rowCount ? <Text size="xs">{t('sheets.countsPartial', { checked: p.checked, rows: sheet.rowCount })}</Text> : null}
        {reasons.length > 0 ? (
          <List size="sm" mt={4}>
            {reasons.map((c) => (
              <List.Item key={c}>{t('sheets.reasonCount', { reason: t(`sheets.reasonShort.${c}`), n: p.reasonCounts[c] ?? 0 })}</List.Item>
            ))}
          </List>
        ) : null}
      </Alert>

      <Table.ScrollContainer minWidth={820} mah={520}>
        <Table striped verticalSpacing={6} fz="sm" aria-label={t('sheets.previewLabel')} data-testid="preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={60}>
                {t('sheets.row')}
              </Table.Th>
              <Table.Th scope="col">{t('sheets.name')}</Table.Th>
              <Table.Th scope="col">{t('sheets.sex')}</Table.Th>
              <Table.Th scope="col">{t('sheets.birth')}</Table.Th>
              <Table.Th scope="col">{t('sheets.parents')}</Table.Th>
              <Table.Th scope="col">{t('sheets.place')}</Table.Th>
              <Table.Th scope="col" w={260}>
                {t('sheets.result')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.map((row) => (
              <Table.Tr key={row.row} data-testid="preview-row" data-valid={row.errors.length === 0}>
                <Table.Td className="ltr-token">{row.row}</Table.Td>
                <RowCells row={row} />
                <Table.Td>
                  {row.errors.length === 0 ? (
                    <Group gap={4} wrap="nowrap">
                      <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                      <Text size="sm">{t('sheets.ok')}</Text>
                    </Group>
                  ) : (
                    <ReasonList reasons={row.errors} color="red.9" />
                  )}
                  {row.warnings.length > 0 ? <ReasonList reasons={row.warnings} color="#8a3b00" /> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Text size="sm" c="dimmed">
        {t('sheets.dedupNote')}
      </Text>
      <Checkbox label={t('sheets.saveMapping', { source: isolate(props.source.trim()) })} checked={props.saveMapping} onChange={(e) => props.onSaveMapping(e.currentTarget.checked)} />
      <Checkbox label={t('sheets.importAnyway')} checked={props.importAnyway} onChange={(e) => props.onImportAnyway(e.currentTarget.checked)} />
      {props.importError ? <ErrorAlert error={props.importError} /> : null}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={props.onBack}>
          {t('sheets.back')}
        </Button>
        <Button leftSection={<IconFileImport size={18} aria-hidden />} onClick={props.onImport} loading={props.importing} disabled={p.valid === 0} data-testid="start-import">
          {t('sheets.startImport', { n: sheet.rowCount })}
        </Button>
      </Group>
    </Stack>
  );
}
