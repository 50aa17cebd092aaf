import type { ApiKinshipQuestion, PersonRecord, ProfileSummary } from '@homeward/domain';
import type { MutationSpec } from '@homeward/domain/kinship';
import { Alert, Button, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shell/error-alert';
import { AnalysisResult } from './analysis-result';
import { pedigreeOf, relativesFromRecord, type HypothesisProblem, type TypedRelative } from './hypotheses';
import { FrequencySelect } from './frequency-select';
import { useAskQuestionMutation } from './kinship.queries';
import { PedigreeChart, useChartMember } from './pedigree-chart';
import { RelativesEditor } from './relatives-editor';

const MODELS = ['none', 'equal', 'proportional', 'stepwise'] as const;
type Model = (typeof MODELS)[number];

/** The mutation fields as typed: numbers, or '' while a field is empty. */
interface MutationForm {
  model: Model;
  female: number | string;
  male: number | string;
  range: number | string;
  rate2: number | string;
}

const num = (v: number | string): number | undefined => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));

function mutationSpec(m: MutationForm): MutationSpec | undefined {
  if (m.model === 'none') return { model: 'none' };
  const female = num(m.female);
  const male = num(m.male);
  const spec: MutationSpec = { model: m.model, ...(female !== undefined && male !== undefined ? { rate: { female, male } } : {}) };
  if (m.model === 'stepwise') {
    const range = num(m.range);
    const rate2 = num(m.rate2);
    if (range !== undefined) spec.range = range;
    if (rate2 !== undefined) spec.rate2 = rate2;
  }
  return spec;
}

/**
 * A kinship question about one person, built from their family: the typed relatives (suggested by the
 * recorded relationships, changeable) in their claimed roles against "unrelated" or another relationship,
 * with the frequency database, θ and the mutation model; the answer appears below with its report.
 */
export function QuestionBuilder({
  record,
  subjectTyped,
  typedRelatives,
  candidates,
}: {
  record: PersonRecord;
  subjectTyped: boolean;
  /** The recorded relatives who have a profile; null while still being looked up. */
  typedRelatives: readonly ProfileSummary[] | null;
  /** Everyone a relative may be chosen from: the typed relatives first, then other people with a profile. */
  candidates: readonly ProfileSummary[];
}) {
  const { t } = useTranslation();
  const ask = useAskQuestionMutation();
  const [relatives, setRelatives] = useState<TypedRelative[] | null>(null);
  const [alternativeMode, setAlternativeMode] = useState<'unrelated' | 'pedigree'>('unrelated');
  const [database, setDatabase] = useState<string | null>(null);
  const [theta, setTheta] = useState<number | string>(0);
  const [mutation, setMutation] = useState<MutationForm>({ model: 'stepwise', female: 0.001, male: 0.002, range: 0.1, rate2: '' });
  const [problem, setProblem] = useState<string | null>(null);

  // The first suggestion comes from the recorded relationships once we know who among them is typed.
  useEffect(() => {
    if (relatives === null && typedRelatives !== null) setRelatives(relativesFromRecord(record, typedRelatives));
  }, [relatives, typedRelatives, record]);
  const rows = relatives ?? [];

  const subject = { id: record.id, sex: record.sex };
  const complete = rows.filter((r) => r.personId !== '');
  const claimed = pedigreeOf(subject, complete.map((r) => ({ personId: r.personId, sex: r.sex, role: r.claimed })));
  const alternative = alternativeMode === 'pedigree' ? pedigreeOf(subject, complete.map((r) => ({ personId: r.personId, sex: r.sex, role: r.alternative }))) : null;
  const subjectView = { id: record.id, name: record.displayName, sex: record.sex, typed: subjectTyped, role: t('kinship.chart.thisPerson') };
  const claimedMember = useChartMember(subjectView, complete, candidates, 'claimed');
  const alternativeMember = useChartMember(subjectView, complete, candidates, 'alternative');
  const problemText = (p: HypothesisProblem, side: string) => `${side}: ${t(`kinship.builder.problem.${p.key}`, { role: p.role ? t(`kinship.role.${p.role}`) : '' })}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = [
      ...claimed.problems.map((p) => problemText(p, t('kinship.builder.claimed'))),
      ...(alternative?.problems.filter((p) => p.key !== 'noRelative').map((p) => problemText(p, t('kinship.builder.alternative'))) ?? []),
    ];
    if (rows.some((r) => r.personId === '')) problems.unshift(t('kinship.builder.problem.choosePerson'));
    if (problems.length > 0) return setProblem(problems.join(' '));
    setProblem(null);
    const spec = mutationSpec(mutation);
    const body: ApiKinshipQuestion = {
      ...(database ? { frequencies: database } : {}),
      theta: num(theta) ?? 0,
      ...(spec ? { mutation: spec } : {}),
      claimed: claimed.pedigree,
      alternative: alternative ? alternative.pedigree : 'unrelated',
    };
    ask.mutate(body);
  };

  return (
    <Stack gap="lg">
      <form onSubmit={onSubmit} noValidate aria-label={t('kinship.builder.title')}>
        <Stack gap="md">
          {!subjectTyped ? (
            <Alert color="yellow" variant="light">
              {t('kinship.builder.subjectUntyped')}
            </Alert>
          ) : null}
          <Title order={3} size="h5">
            {t('kinship.builder.relativesTitle')}
          </Title>
          <RelativesEditor relatives={rows} onChange={setRelatives} candidates={candidates} withAlternative={alternativeMode === 'pedigree'} excludeId={record.id} />
          <Radio.Group
            label={t('kinship.builder.alternativeTitle')}
            value={alternativeMode}
            onChange={(v) => setAlternativeMode(v === 'pedigree' ? 'pedigree' : 'unrelated')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="unrelated" label={t('kinship.builder.alternativeUnrelated')} />
              <Radio value="pedigree" label={t('kinship.builder.alternativePedigree')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, md: alternative ? 2 : 1 }}>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('kinship.builder.claimedChart')}
              </Text>
              <PedigreeChart pedigree={claimed.pedigree} member={claimedMember} title={t('kinship.builder.claimedChart')} />
            </Stack>
            {alternative ? (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('kinship.builder.alternativeChart')}
                </Text>
                <PedigreeChart pedigree={alternative.pedigree} member={alternativeMember} title={t('kinship.builder.alternativeChart')} />
              </Stack>
            ) : null}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <FrequencySelect value={database} onChange={setDatabase} />
            <NumberInput label={t('kinship.builder.theta')} description={t('kinship.builder.thetaHint')} value={theta} onChange={setTheta} min={0} max={0.2} step={0.01} decimalScale={4} />
            <Select
              label={t('kinship.builder.mutationModel')}
              data={MODELS.map((m) => ({ value: m, label: t(`kinship.mutation.${m}`) }))}
              value={mutation.model}
              onChange={(v) => v && setMutation({ ...mutation, model: v as Model })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {mutation.model !== 'none' ? (
            <SimpleGrid cols={{ base: 2, lg: 4 }}>
              <NumberInput label={t('kinship.builder.rateFemale')} value={mutation.female} onChange={(v) => setMutation({ ...mutation, female: v })} min={0} max={1} step={0.0005} decimalScale={6} />
              <NumberInput label={t('kinship.builder.rateMale')} value={mutation.male} onChange={(v) => setMutation({ ...mutation, male: v })} min={0} max={1} step={0.0005} decimalScale={6} />
              {mutation.model === 'stepwise' ? (
                <>
                  <NumberInput label={t('kinship.builder.range')} value={mutation.range} onChange={(v) => setMutation({ ...mutation, range: v })} min={0.01} max={0.99} step={0.05} decimalScale={3} />
                  <NumberInput
                    label={t('kinship.builder.rate2')}
                    description={t('kinship.builder.rate2Hint')}
                    value={mutation.rate2}
                    onChange={(v) => setMutation({ ...mutation, rate2: v })}
                    min={0}
                    max={1}
                    decimalScale={8}
                  />
                </>
              ) : null}
            </SimpleGrid>
          ) : null}
          {problem ? (
            <Text size="sm" c="red.9" role="alert" data-testid="kinship-problem">
              {problem}
            </Text>
          ) : null}
          {ask.isError ? <ErrorAlert error={ask.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={ask.isPending} disabled={!subjectTyped} leftSection={<IconCalculator size={18} aria-hidden />} data-testid="kinship-ask">
              {t('kinship.builder.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {ask.data ? <AnalysisResult analysis={ask.data} /> : null}
    </Stack>
  );
}
