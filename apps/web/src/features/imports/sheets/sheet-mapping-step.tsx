import { Alert, Autocomplete, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconEye, IconInfoCircle } from '@tabler/icons-react';
import type { ProposedMapping, SheetView } from '@homeward/domain';
import { DATE_ORDERS, SHEET_FIELDS, type DateOrder, type SheetField, type SheetMapping } from '@homeward/domain/sheets';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { columnLabel, isolate, mappingProblems } from './sheet-labels';
import { useProposedMappingMutation, useSheetSourcesQuery } from './sheets.queries';

interface Props {
  sheet: SheetView;
  proposed: ProposedMapping;
  mapping: SheetMapping;
  onMapping: (mapping: SheetMapping) => void;
  source: string;
  onSource: (source: string) => void;
  /** A saved mapping fetched for the named source replaces the current one. */
  onProposed: (proposed: ProposedMapping) => void;
  onNext: () => void;
}

/**
 * The column-mapping screen: each column of the sheet with a few of its values and the person field it
 * fills (suggested from its header in Arabic, English or Azerbaijani, or as saved for the source), the date
 * order and the day ages were estimated, and the source the mapping is saved for.
 */
export function SheetMappingStep({ sheet, proposed, mapping, onMapping, source, onSource, onProposed, onNext }: Props) {
  const { t } = useTranslation();
  const sources = useSheetSourcesQuery();
  const fetchMapping = useProposedMappingMutation(sheet.id);
  const savedSources = (sources.data ?? []).map((s) => s.sourceName);
  const canApplySaved = savedSources.includes(source.trim()) && !(proposed.origin === 'saved' && proposed.sourceName === source.trim());
  const problems = mappingProblems(mapping);
  const fieldOptions = SHEET_FIELDS.map((f) => ({ value: f, label: t(`sheets.fields.${f}`) }));
  const setColumn = (index: number, field: SheetField) => onMapping({ ...mapping, columns: mapping.columns.map((f, i) => (i === index ? field : f)) });
  const examples = (index: number) =>
    sheet.sample
      .map((r) => r.cells[index])
      .filter((v): v is string => !!v)
      .slice(0, 3);
  const unnamed = (n: number) => t('sheets.unnamedColumn', { n });
  const facts = { file: isolate(sheet.fileName), rows: sheet.rowCount, headerRow: sheet.headerRow, sheet: isolate(sheet.sheetName ?? '') };

  return (
    <Stack gap="md" data-testid="sheet-mapping">
      <Text size="sm" fw={600}>
        {sheet.sheetName ? t('sheets.sheetFactsNamed', facts) : t('sheets.sheetFacts', facts)}
      </Text>
      {proposed.origin === 'saved' ? (
        <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />} data-testid="mapping-origin">
          {t('sheets.savedMapping', { source: isolate(proposed.sourceName ?? '') })}
        </Alert>
      ) : (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="mapping-origin">
          {t('sheets.suggestedMapping')}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Autocomplete
          label={t('sheets.source')}
          description={t('sheets.sourceHint')}
          data={savedSources}
          value={source}
          onChange={onSource}
          maxLength={100}
          withAsterisk
          dir="auto"
          style={{ flex: '1 1 320px' }}
        />
        {canApplySaved ? (
          <Button
            variant="light"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            loading={fetchMapping.isPending}
            onClick={() => fetchMapping.mutate(source.trim(), { onSuccess: onProposed })}
          >
            {t('sheets.applySaved')}
          </Button>
        ) : null}
      </Group>
      {fetchMapping.isError ? <ErrorAlert error={fetchMapping.error} /> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label={t('sheets.steps.map')} data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sheets.column')}</Table.Th>
              <Table.Th scope="col">{t('sheets.examples')}</Table.Th>
              <Table.Th scope="col" w={300}>
                {t('sheets.field')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.headers.map((_, i) => {
              const label = columnLabel(sheet.headers, i, unnamed);
              return (
                <Table.Tr key={i}>
                  <Table.Th scope="row" fw={600}>
                    <bdi>{label}</bdi>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {examples(i).map((v, k) => (
                        <span key={k}>
                          {k > 0 ? ' · ' : ''}
                          <bdi>{v}</bdi>
                        </span>
                      ))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Select
                        aria-label={t('sheets.fieldFor', { column: label })}
                        data={fieldOptions}
                        value={mapping.columns[i] ?? 'notes'}
                        onChange={(v) => v && setColumn(i, v as SheetField)}
                        allowDeselect={false}
                        searchable
                        size="sm"
                        style={{ flex: 1 }}
                        data-testid={`field-${i}`}
                      />
                      {proposed.confidence[i] === 'partial' && mapping.columns[i] === proposed.mapping.columns[i] ? (
                        <Badge variant="light" color="yellow" size="sm">
                          {t('sheets.check')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" align="flex-start" wrap="wrap">
        {mapping.columns.includes('birth_date') ? (
          <Select
            label={t('sheets.dateOrder')}
            data={DATE_ORDERS.map((o) => ({ value: o, label: t(`sheets.dateOrders.${o}`) }))}
            value={mapping.dateOrder}
            onChange={(v) => v && onMapping({ ...mapping, dateOrder: v as DateOrder })}
            allowDeselect={false}
            w={220}
          />
        ) : null}
        {mapping.columns.includes('estimated_age') ? (
          <TextInput
            type="date"
            label={t('sheets.ageOn')}
            description={t('sheets.ageOnHint')}
            value={mapping.ageOn}
            onChange={(e) => e.currentTarget.value && onMapping({ ...mapping, ageOn: e.currentTarget.value })}
            w={220}
          />
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('sheets.scriptNote')}
      </Text>
      {problems.twice.length > 0 || problems.noName ? (
        <Alert color="red" variant="light" role="alert" data-testid="mapping-problems">
          {problems.twice.map((f) => (
            <Text size="sm" key={f}>
              {t('sheets.problemTwice', { field: t(`sheets.fields.${f}`) })}
            </Text>
          ))}
          {problems.noName ? <Text size="sm">{t('sheets.problemNoName')}</Text> : null}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button
          leftSection={<IconEye size={18} aria-hidden />}
          disabled={problems.twice.length > 0 || problems.noName || source.trim() === ''}
          onClick={onNext}
          data-testid="to-preview"
        >
          {t('sheets.toPreview')}
        </Button>
      </Group>
      {source.trim() === '' ? (
        <Text size="xs" c="dimmed" ta="end">
          {t('sheets.sourceRequired')}
        </Text>
      ) : null}
    </Stack>
  );
}
