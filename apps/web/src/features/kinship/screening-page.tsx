import type { ScreenRequest } from '@homeward/domain';
import { Anchor, Badge, Button, Card, Group, MultiSelect, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash, IconZoomScan } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { pedigreeOf, type TypedRelative } from './hypotheses';
import { FrequencySelect } from './frequency-select';
import { useProfileSummariesQuery, useScreensQuery, useStartScreenMutation } from './kinship.queries';
import { PedigreeChart, useChartMember } from './pedigree-chart';
import { profileOption, RelativesEditor } from './relatives-editor';

/** A reference family defined on this page: its name, the missing child's sex and the typed relatives. */
interface FamilyForm {
  name: string;
  sex: 'F' | 'M';
  relatives: TypedRelative[];
}

const MISSING = 'missing_child';

function FamilyEditor({ family, index, onChange, onRemove }: { family: FamilyForm; index: number; onChange: (f: FamilyForm) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const references = useProfileSummariesQuery({ kind: 'reference' });
  const candidates = references.data?.profiles ?? [];
  const complete = family.relatives.filter((r) => r.personId !== '');
  const { pedigree } = pedigreeOf({ id: MISSING, sex: family.sex }, complete.map((r) => ({ personId: r.personId, sex: r.sex, role: r.claimed })));
  const member = useChartMember({ id: MISSING, name: null, sex: family.sex, typed: false, role: t('kinship.chart.missingChild') }, complete, candidates, 'claimed');
  return (
    <Card withBorder padding="md" data-testid="reference-family">
      <Stack gap="sm">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <TextInput label={t('kinship.screen.familyName', { n: index + 1 })} value={family.name} onChange={(e) => onChange({ ...family, name: e.currentTarget.value })} maxLength={100} dir="auto" />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`missing-sex-${index}`}>
                {t('kinship.screen.missingSex')}
              </Text>
              <SegmentedControl
                aria-labelledby={`missing-sex-${index}`}
                value={family.sex}
                onChange={(v) => onChange({ ...family, sex: v === 'M' ? 'M' : 'F' })}
                data={[
                  { value: 'F', label: t('labels.sex.F') },
                  { value: 'M', label: t('labels.sex.M') },
                ]}
              />
            </Stack>
          </Group>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove}>
            {t('kinship.screen.removeFamily')}
          </Button>
        </Group>
        <RelativesEditor relatives={family.relatives} onChange={(relatives) => onChange({ ...family, relatives })} candidates={candidates} withAlternative={false} />
        {complete.length > 0 ? <PedigreeChart pedigree={pedigree} member={member} title={family.name || t('kinship.screen.familyName', { n: index + 1 })} /> : null}
      </Stack>
    </Card>
  );
}

/** The mission's earlier screens, each opening its results. */
function RecentScreens() {
  const { t, i18n } = useTranslation();
  const screens = useScreensQuery();
  if (screens.isError) return <ErrorAlert error={screens.error} />;
  const rows = screens.data?.screens ?? [];
  if (rows.length === 0) return <Text size="sm">{t('kinship.screen.none')}</Text>;
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.screen.recent')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('kinship.panel.when')}</Table.Th>
          <Table.Th scope="col">{t('kinship.screen.status')}</Table.Th>
          <Table.Th scope="col">{t('kinship.screen.children')}</Table.Th>
          <Table.Th scope="col">{t('kinship.screen.families')}</Table.Th>
          <Table.Th scope="col">{t('kinship.screen.undisputed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} to={`/kinship/screens/${s.id}`} size="sm">
                {formatDateTime(s.createdAt, i18n.resolvedLanguage ?? 'en')}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" tt="none" color={s.status === 'succeeded' ? 'teal' : s.status === 'failed' ? 'red' : 'blue'}>
                {t(`kinship.screen.state.${s.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td className="ltr-token">{s.children ?? '—'}</Table.Td>
            <Table.Td className="ltr-token">{s.families ?? '—'}</Table.Td>
            <Table.Td className="ltr-token">{s.undisputed ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Screening, disaster-victim-identification style: found children with profiles against reference
 * families (the registered households with a typed relative and a sought member, or families defined
 * here), as a background job; its page shows the progress and then the results.
 */
export function ScreeningPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartScreenMutation();
  const childProfiles = useProfileSummariesQuery({ kind: 'child' });
  const [childrenMode, setChildrenMode] = useState<'all' | 'chosen'>('all');
  const [children, setChildren] = useState<string[]>([]);
  const [familiesMode, setFamiliesMode] = useState<'households' | 'defined'>('households');
  const [families, setFamilies] = useState<FamilyForm[]>([]);
  const [database, setDatabase] = useState<string | null>(null);
  const [theta, setTheta] = useState<number | string>(0);
  const [threshold, setThreshold] = useState<number | string>(10_000);
  const [problem, setProblem] = useState<string | null>(null);
  const childCount = childProfiles.data?.profiles.length ?? 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (childrenMode === 'chosen' && children.length === 0) return setProblem(t('kinship.screen.chooseChildren'));
    const defined: NonNullable<ScreenRequest['families']> = [];
    if (familiesMode === 'defined') {
      if (families.length === 0) return setProblem(t('kinship.screen.addFamily'));
      for (const [i, f] of families.entries()) {
        const complete = f.relatives.filter((r) => r.personId !== '');
        const { pedigree, problems } = pedigreeOf({ id: MISSING, sex: f.sex }, complete.map((r) => ({ personId: r.personId, sex: r.sex, role: r.claimed })));
        if (complete.length === 0 || problems.length > 0) return setProblem(t('kinship.screen.familyIncomplete', { name: f.name || i + 1 }));
        defined.push({ id: (f.name.trim() || t('kinship.screen.familyName', { n: i + 1 })).slice(0, 100), pedigree, missing: [MISSING] });
      }
    }
    setProblem(null);
    start.mutate(
      {
        ...(childrenMode === 'chosen' ? { children } : {}),
        ...(familiesMode === 'defined' ? { families: defined } : {}),
        ...(database ? { frequencies: database } : {}),
        theta: typeof theta === 'number' ? theta : 0,
        threshold: typeof threshold === 'number' && threshold > 1 ? threshold : 10_000,
      },
      { onSuccess: ({ screenId }) => void navigate(`/kinship/screens/${screenId}`) },
    );
  };

  return (
    <>
      <PageHeader title={t('kinship.screen.title')} intro={t('kinship.screen.intro')} />
      <Stack gap="lg" maw={1100}>
        <Card withBorder padding="lg" component="section" aria-labelledby="screen-start-title">
          <Title order={2} size="h4" mb="sm" id="screen-start-title">
            {t('kinship.screen.start')}
          </Title>
          <form onSubmit={onSubmit} noValidate aria-label={t('kinship.screen.start')}>
            <Stack gap="md">
              <Radio.Group label={t('kinship.screen.children')} value={childrenMode} onChange={(v) => setChildrenMode(v === 'chosen' ? 'chosen' : 'all')}>
                <Stack gap={6} mt={6}>
                  <Radio value="all" label={t('kinship.screen.allChildren', { n: childCount })} />
                  <Radio value="chosen" label={t('kinship.screen.chosenChildren')} />
                </Stack>
              </Radio.Group>
              {childrenMode === 'chosen' ? (
                <MultiSelect
                  label={t('kinship.screen.whichChildren')}
                  data={(childProfiles.data?.profiles ?? []).map((p) => profileOption(p, t('registry.unnamed')))}
                  value={children}
                  onChange={setChildren}
                  searchable
                />
              ) : null}
              <Radio.Group label={t('kinship.screen.families')} value={familiesMode} onChange={(v) => setFamiliesMode(v === 'defined' ? 'defined' : 'households')}>
                <Stack gap={6} mt={6}>
                  <Radio value="households" label={t('kinship.screen.households')} />
                  <Radio value="defined" label={t('kinship.screen.defined')} />
                </Stack>
              </Radio.Group>
              {familiesMode === 'defined' ? (
                <Stack gap="sm">
                  {families.map((f, i) => (
                    <FamilyEditor
                      key={i}
                      family={f}
                      index={i}
                      onChange={(next) => setFamilies(families.map((g, j) => (j === i ? next : g)))}
                      onRemove={() => setFamilies(families.filter((_, j) => j !== i))}
                    />
                  ))}
                  <div>
                    <Button
                      variant="light"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => setFamilies([...families, { name: t('kinship.screen.familyName', { n: families.length + 1 }), sex: 'F', relatives: [] }])}
                      data-testid="add-reference-family"
                    >
                      {t('kinship.screen.addFamilyButton')}
                    </Button>
                  </div>
                </Stack>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <FrequencySelect value={database} onChange={setDatabase} />
                <NumberInput label={t('kinship.builder.theta')} value={theta} onChange={setTheta} min={0} max={0.2} step={0.01} decimalScale={4} />
                <NumberInput label={t('kinship.screen.threshold')} description={t('kinship.screen.thresholdHint')} value={threshold} onChange={setThreshold} min={2} step={1000} thousandSeparator="," />
              </SimpleGrid>
              {problem ? (
                <Text size="sm" c="red.9" role="alert" data-testid="screen-problem">
                  {problem}
                </Text>
              ) : null}
              {start.isError ? <ErrorAlert error={start.error} /> : null}
              <Group justify="flex-end">
                <Button type="submit" loading={start.isPending} leftSection={<IconZoomScan size={18} aria-hidden />} data-testid="screen-start">
                  {t('kinship.screen.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="screen-recent-title">
          <Title order={2} size="h4" mb="sm" id="screen-recent-title">
            {t('kinship.screen.recent')}
          </Title>
          <RecentScreens />
        </Card>
      </Stack>
    </>
  );
}
