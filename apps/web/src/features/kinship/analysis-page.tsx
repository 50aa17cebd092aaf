import { Card, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { AnalysisResult } from './analysis-result';
import { connectingRoleOf } from './hypotheses';
import { useKinshipLabels } from './kinship-labels';
import { useAnalysisQuery } from './kinship.queries';
import { PedigreeChart } from './pedigree-chart';

/** A stored kinship analysis, read again (an audited read): both pedigrees, the result, the report. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const labels = useKinshipLabels();
  const { analysisId = '' } = useParams();
  const analysis = useAnalysisQuery(analysisId);
  if (analysis.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (analysis.isError) return <ErrorAlert error={analysis.error} />;
  const a = analysis.data;
  const typed = new Map(a.typed.map((p) => [p.personId, p]));
  const member = ({ id, sex }: { id: string; sex: 'M' | 'F' }) => {
    const person = typed.get(id);
    const role = connectingRoleOf(id);
    return person
      ? { name: person.displayName ?? t('registry.unnamed'), role: t('kinship.chart.typed'), sex: person.sex, typed: true, subject: false }
      : { name: null, role: role ? labels.role(role) : id, sex, typed: false, subject: false };
  };
  const q = a.question;
  return (
    <>
      <PageHeader title={t('kinship.analysis.title')} intro={t('kinship.analysis.intro')} />
      <Stack gap="lg" maw={1100}>
        {'claimed' in q ? (
          <Card withBorder padding="lg">
            <Stack gap="md">
              <PedigreeChart pedigree={q.claimed} member={member} title={t('kinship.builder.claimedChart')} />
              {q.alternative === 'unrelated' ? null : <PedigreeChart pedigree={q.alternative} member={member} title={t('kinship.builder.alternativeChart')} />}
            </Stack>
          </Card>
        ) : null}
        <Card withBorder padding="lg">
          <AnalysisResult analysis={a} permalink={false} />
        </Card>
      </Stack>
    </>
  );
}
