import type { PersonRecord, ProfileView } from '@homeward/domain';
import { Anchor, Badge, Button, Card, Center, Collapse, Group, Loader, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconDna, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate, formatDateTime } from '../../i18n/format';
import { useCan, useSession } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { formatLr, useKinshipLabels } from './kinship-labels';
import { useProfileQuery, useProfileSummariesQuery, usePersonAnalysesQuery } from './kinship.queries';
import { CorrectionDialog } from './correction-dialog';
import { QuestionBuilder } from './question-builder';

/** Whether the signed-in person may see the DNA kinship panel: genetic reads, and the genetic category. */
export function useSeesKinship(): boolean {
  const can = useCan();
  const session = useSession();
  return can('genetic.read') && session.readableCategories.includes('genetic');
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** The profile's facts, its chain of custody and (on request) its alleles. */
function ProfileSummaryView({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const labels = useKinshipLabels();
  const can = useCan();
  const [showAlleles, setShowAlleles] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const markers = Object.entries(profile.markers);
  return (
    <Stack gap="md" data-testid="kinship-profile">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
        <Fact label={t('kinship.profile.kit')} value={profile.kit} />
        <Fact label={t('kinship.profile.lab')} value={profile.lab} />
        <Fact label={t('kinship.profile.sample')} value={<span className="ltr-token">{profile.sampleId}</span>} />
        <Fact label={t('kinship.profile.kind')} value={labels.profileKind(profile.kind)} />
        <Fact label={t('kinship.profile.collected')} value={`${formatCalendarDate(profile.collectedOn, language)} · ${profile.collector}`} />
        <Fact label={t('kinship.profile.consent')} value={<span data-testid="kinship-consent">{profile.consent.reference}</span>} />
        <Fact label={t('kinship.profile.markers')} value={<span data-testid="kinship-marker-count">{markers.length}</span>} />
        <Fact label={t('kinship.profile.version')} value={t('kinship.profile.versionOf', { version: profile.version, total: profile.versions.length })} />
      </SimpleGrid>
      <div>
        <Title order={3} size="h6" mb={4}>
          {t('kinship.profile.custody')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.profile.custody')} data-testid="kinship-custody">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('kinship.profile.event')}</Table.Th>
                <Table.Th scope="col">{t('kinship.profile.on')}</Table.Th>
                <Table.Th scope="col">{t('kinship.profile.by')}</Table.Th>
                <Table.Th scope="col">{t('kinship.profile.reason')}</Table.Th>
                <Table.Th scope="col">{t('kinship.profile.versionShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.custody.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{labels.custody(e.kind)}</Table.Td>
                  <Table.Td>{formatCalendarDate(e.on, language)}</Table.Td>
                  <Table.Td>{e.by ? <bdi dir="auto">{e.by}</bdi> : '—'}</Table.Td>
                  <Table.Td>{e.reason ? <bdi dir="auto">{e.reason}</bdi> : '—'}</Table.Td>
                  <Table.Td className="ltr-token">{e.profileVersion}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <div>
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAlleles((v) => !v)} aria-expanded={showAlleles} data-testid="kinship-show-alleles">
            {showAlleles ? t('kinship.profile.hideAlleles') : t('kinship.profile.showAlleles', { n: markers.length })}
          </Button>
          {can('genetic.import') ? (
            <Button variant="subtle" size="compact-sm" onClick={() => setCorrecting(true)} data-testid="kinship-correct">
              {t('kinship.correction.open')}
            </Button>
          ) : null}
        </Group>
        <CorrectionDialog profile={profile} opened={correcting} onClose={() => setCorrecting(false)} />
        <Collapse in={showAlleles}>
          <Text size="xs" c="dimmed" my={4}>
            {t('kinship.profile.allelesNote')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing={4}>
            {markers.map(([marker, alleles]) => (
              <Text key={marker} size="sm" className="ltr-token">
                {marker}: {alleles.join(', ')}
              </Text>
            ))}
          </SimpleGrid>
        </Collapse>
      </div>
    </Stack>
  );
}

/** The analyses this person was typed in, each opening its stored result. */
function EarlierAnalyses({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const labels = useKinshipLabels();
  const analyses = usePersonAnalysesQuery(personId);
  if (analyses.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (analyses.isError) return <ErrorAlert error={analyses.error} />;
  if (analyses.data.analyses.length === 0) return <Text size="sm">{t('kinship.panel.noAnalyses')}</Text>;
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.panel.analyses')} data-testid="kinship-analyses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('kinship.panel.when')}</Table.Th>
          <Table.Th scope="col">{t('kinship.result.lr')}</Table.Th>
          <Table.Th scope="col">{t('kinship.result.conclusion')}</Table.Th>
          <Table.Th scope="col">{t('kinship.builder.database')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {analyses.data.analyses.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/kinship/analyses/${a.id}`} size="sm">
                {formatDateTime(a.createdAt, language)}
              </Anchor>
            </Table.Td>
            <Table.Td className="ltr-token">{formatLr(a.lr, language)}</Table.Td>
            <Table.Td>
              {labels.conclusion(a.conclusion)} · {labels.verbal(a.verbal)}
            </Table.Td>
            <Table.Td>{a.frequencies}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The question tab: who among the relatives (and everyone else) is typed is read only when it opens. */
function QuestionTab({ record, subjectTyped }: { record: PersonRecord; subjectTyped: boolean }) {
  const relatives = record.relationships.map((r) => r.relatedPersonId);
  const relativeProfiles = useProfileSummariesQuery({ people: relatives });
  const allProfiles = useProfileSummariesQuery({});
  // Recorded relatives first, then everyone else with a profile, each once.
  const candidates = [...(relativeProfiles.data?.profiles ?? []), ...(allProfiles.data?.profiles ?? [])].filter((p, i, all) => all.findIndex((q) => q.personId === p.personId) === i);
  return (
    <QuestionBuilder
      record={record}
      subjectTyped={subjectTyped}
      typedRelatives={relatives.length === 0 ? [] : (relativeProfiles.data?.profiles ?? null)}
      candidates={candidates}
    />
  );
}

/** The panel's content, mounted only once it is opened: every genetic read here is audited by the server. */
function KinshipTabs({ record }: { record: PersonRecord }) {
  const { t } = useTranslation();
  const can = useCan();
  const profile = useProfileQuery(record.id);
  if (profile.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  return (
    <Tabs defaultValue="profile" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="profile">{t('kinship.panel.profileTab')}</Tabs.Tab>
        {can('genetic.analyse') ? <Tabs.Tab value="question">{t('kinship.panel.questionTab')}</Tabs.Tab> : null}
        <Tabs.Tab value="analyses">{t('kinship.panel.analysesTab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="profile" pt="md">
        {profile.data ? (
          <ProfileSummaryView profile={profile.data} />
        ) : (
          <Text size="sm" data-testid="kinship-no-profile">
            {t('kinship.panel.noProfile')}
          </Text>
        )}
      </Tabs.Panel>
      {can('genetic.analyse') ? (
        <Tabs.Panel value="question" pt="md">
          <QuestionTab record={record} subjectTyped={profile.data !== null} />
        </Tabs.Panel>
      ) : null}
      <Tabs.Panel value="analyses" pt="md">
        <EarlierAnalyses personId={record.id} />
      </Tabs.Panel>
    </Tabs>
  );
}

/**
 * DNA kinship on a person's or a case's page, for the roles that read genetic data: the STR profile's
 * facts and chain of custody, the question builder over the family's pedigree, and earlier results.
 * Closed at first: nothing genetic is read (or audited) until someone opens it to look.
 */
export function KinshipPanel({ record }: { record: PersonRecord }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="kinship-title" data-testid="kinship-panel">
      <Group justify="space-between" mb={open ? 'sm' : 0}>
        <Group gap="xs">
          <IconDna size={22} aria-hidden />
          <Title order={2} size="h4" id="kinship-title">
            {t('kinship.panel.title')}
          </Title>
          <Badge variant="light" color="grape" tt="none">
            {t('kinship.panel.genetic')}
          </Badge>
        </Group>
        <Group gap="xs">
          {can('genetic.import') ? (
            <Button component={Link} to={`/kinship/import?person=${record.id}`} variant="default" size="xs" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('kinship.panel.import')}
            </Button>
          ) : null}
          <Button variant="light" size="xs" onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-controls="kinship-content" data-testid="kinship-open">
            {open ? t('kinship.panel.close') : t('kinship.panel.open')}
          </Button>
        </Group>
      </Group>
      <div id="kinship-content">{open ? <KinshipTabs record={record} /> : null}</div>
    </Card>
  );
}
