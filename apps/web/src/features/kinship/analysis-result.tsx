import type { KinshipAnalysis } from '@homeward/domain';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { PersonName } from '../registry/person-text';
import { ErrorAlert } from '../shell/error-alert';
import { formatLr, useKinshipLabels } from './kinship-labels';
import { useReportDownload } from './kinship.queries';

const CONCLUSION_COLOR = { supports: 'teal', inconclusive: 'yellow', excludes: 'red' } as const;

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The parameters a result was computed with, in one line. */
function Parameters({ analysis }: { analysis: KinshipAnalysis }) {
  const { t } = useTranslation();
  const q = analysis.question;
  const m = q.mutation;
  const mutation =
    !m || m.model === 'none'
      ? t('kinship.mutation.none')
      : `${t(`kinship.mutation.${m.model}`)}${m.model === 'stepwise' && m.rate2 !== undefined ? ` (${t('kinship.mutation.extended')})` : ''}`;
  return (
    <Text size="sm" c="dimmed">
      {t('kinship.result.parameters', {
        database: analysis.frequencies.name,
        population: analysis.frequencies.synthetic ? t('kinship.builder.synthetic') : analysis.frequencies.population,
        theta: q.theta,
        mutation,
      })}
    </Text>
  );
}

/**
 * A kinship result: the LR, its conclusion on the configured verbal scale, the per-marker table with each
 * typed person's alleles (inconsistent markers flagged, floor-frequency alleles named), and the report.
 */
export function AnalysisResult({ analysis, permalink = true }: { analysis: KinshipAnalysis; permalink?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const labels = useKinshipLabels();
  const report = useReportDownload();
  const { answer } = analysis;
  const floors = (marker: string) => answer.floor_alleles.filter((f) => f.marker === marker);

  return (
    <Stack gap="md" data-testid="kinship-result">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('kinship.result.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {formatDateTime(analysis.createdAt, language)}
            {permalink ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/kinship/analyses/${analysis.id}`} size="xs" underline="always">
                  {t('kinship.result.permalink')}
                </Anchor>
              </>
            ) : null}
          </Text>
        </Stack>
        <Button
          variant="light"
          leftSection={<IconFileTypePdf size={18} aria-hidden />}
          loading={report.isPending}
          onClick={() => report.mutate(analysis.id)}
          data-testid="kinship-report"
        >
          {t('kinship.result.report')}
        </Button>
      </Group>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {analysis.frequencies.synthetic ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="kinship-synthetic">
          {t('kinship.result.synthetic')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('kinship.result.lr')} value={<span className="ltr-token">{formatLr(answer.lr, language)}</span>} testId="kinship-lr" />
        <Figure
          label={t('kinship.result.conclusion')}
          value={
            <Badge size="lg" color={CONCLUSION_COLOR[answer.conclusion]} variant="light" tt="none">
              {labels.conclusion(answer.conclusion)}
            </Badge>
          }
          testId="kinship-conclusion"
        />
        <Figure label={t('kinship.result.verbal')} value={labels.verbal(answer.verbal)} testId="kinship-verbal" />
      </SimpleGrid>
      <Parameters analysis={analysis} />
      {answer.inconsistent_markers.length > 0 ? (
        <Alert color="red" variant="light" data-testid="kinship-inconsistent">
          {t('kinship.result.inconsistent', { markers: answer.inconsistent_markers.join(', '), n: answer.inconsistent_markers.length })}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('kinship.result.markersTable')} data-testid="kinship-markers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('kinship.result.marker')}</Table.Th>
              {analysis.typed.map((p) => (
                <Table.Th scope="col" key={p.personId}>
                  <PersonName name={p.displayName} />
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('kinship.result.markerLr')}</Table.Th>
              <Table.Th scope="col">{t('kinship.result.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.markers.map((m) => {
              const inconsistent = answer.inconsistent_markers.includes(m.marker);
              const notes = [
                inconsistent ? t('kinship.result.inconsistentMarker') : null,
                ...floors(m.marker).map((f) => t('kinship.result.floor', { allele: f.allele, frequency: f.frequency })),
                m.note ? labels.markerNote(m.note) : null,
              ].filter(Boolean);
              return (
                <Table.Tr key={m.marker} bg={inconsistent ? 'var(--mantine-color-red-light)' : undefined} data-testid={`marker-${m.marker}`}>
                  <Table.Td className="ltr-token">{m.marker}</Table.Td>
                  {analysis.typed.map((p) => (
                    <Table.Td key={p.personId} className="ltr-token">
                      {(p.markers[m.marker] ?? []).join(', ') || '—'}
                    </Table.Td>
                  ))}
                  <Table.Td className="ltr-token">{formatLr(m.lr, language)}</Table.Td>
                  <Table.Td>{notes.join('; ')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {answer.floor_alleles.length > 0 ? (
        <Text size="sm" data-testid="kinship-floor">
          {t('kinship.result.floorNote', { alleles: answer.floor_alleles.map((f) => `${f.marker} ${f.allele}`).join(', ') })}
        </Text>
      ) : null}
      {answer.policy ? (
        <Text size="xs" c="dimmed">
          {t('kinship.result.policy', {
            threshold: formatLr(answer.policy.threshold, language),
            n: answer.policy.max_inconsistent_without_mutation,
            scale: answer.policy.verbal_scale.map((s) => `≥ ${formatLr(s.min_lr, language)}: ${labels.verbal(s.label)}`).join('; '),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
