import type { MatchView, ScreenView } from '@homeward/domain';
import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../auth/session-context';
import { PersonName } from '../registry/person-text';
import { useLabels } from '../registry/labels';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorAlert } from '../shell/error-alert';
import { CountTile, JobProgress } from '../shell/job-progress';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { formatLr } from './kinship-labels';
import { useReviewMatchMutation, useScreenQuery } from './kinship.queries';

type Candidate = NonNullable<ScreenView['summary']>['undisputed'][number];

const lrOf = (log10: number | null) => (log10 === null ? 0 : 10 ** log10);

function ScreenProgress({ screen }: { screen: ScreenView }) {
  const { t } = useTranslation();
  const { done, total } = screen.progress;
  const text = screen.status === 'queued' ? t('kinship.screen.state.queued') : total === null ? t('kinship.screen.state.running') : t('kinship.screen.progress', { done, total });
  return <JobProgress job={screen} label={t('kinship.screen.progressLabel')} text={text} testId="screen-progress" />;
}

/**
 * The LR matrix of the best entries: children as rows, families as columns, each cell the best position's
 * LR when it is among the best of its row or column (the rest of the matrix was computed, not kept).
 */
function LrMatrix({ screen, name, family }: { screen: ScreenView; name: (id: string) => ReactNode; family: (ref: string) => string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const summary = screen.summary!;
  const cells = new Map<string, Candidate>();
  for (const c of [...summary.bestPerChild.flat(), ...summary.bestPerFamily.flat()]) {
    const key = `${c.child}|${c.family}`;
    const seen = cells.get(key);
    if (!seen || (c.log10Lr ?? -Infinity) > (seen.log10Lr ?? -Infinity)) cells.set(key, c);
  }
  const children = [...new Set([...cells.values()].map((c) => c.child))];
  const families = [...new Set([...cells.values()].map((c) => c.family))];
  const undisputed = new Set(summary.undisputed.map((c) => `${c.child}|${c.family}`));
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withColumnBorders verticalSpacing={4} fz="sm" aria-label={t('kinship.screen.matrix')} data-testid="screen-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('kinship.screen.child')}</Table.Th>
            {families.map((f) => (
              <Table.Th scope="col" key={f}>
                <bdi dir="auto">{family(f)}</bdi>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children.map((child) => (
            <Table.Tr key={child}>
              <Table.Th scope="row">{name(child)}</Table.Th>
              {families.map((f) => {
                const c = cells.get(`${child}|${f}`);
                const strong = undisputed.has(`${child}|${f}`);
                return (
                  <Table.Td key={f} className="ltr-token" fw={strong ? 700 : undefined} bg={strong ? 'var(--mantine-color-teal-light)' : undefined}>
                    {c ? formatLr(lrOf(c.log10Lr), language) : '·'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MatchRow({ match, screenId, name, family }: { match: MatchView; screenId: string; name: (id: string) => ReactNode; family: (ref: string) => string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const labels = useLabels();
  const review = useReviewMatchMutation(screenId);
  const [deciding, setDeciding] = useState<'confirm' | 'reject' | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    setDeciding(null);
    setNote('');
    review.reset();
  };
  const decide = () => {
    if (!deciding) return;
    review.mutate(
      { matchId: match.id, decision: deciding, note: note.trim() },
      { onSuccess: () => (notify('success', deciding === 'confirm' ? t('kinship.screen.confirmed') : t('kinship.screen.rejected')), close()) },
    );
  };
  return (
    <Table.Tr data-testid="screen-match">
      <Table.Td>
        <Anchor component={Link} to={`/people/${match.childPersonId}`} size="sm">
          {name(match.childPersonId)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <bdi dir="auto">{family(match.family)}</bdi>
      </Table.Td>
      <Table.Td>
        {match.relatives.map((r, i) => (
          <span key={r.personId}>
            {i > 0 ? '; ' : ''}
            {name(r.personId)} ({labels.relationship(r.kind)})
          </span>
        ))}
      </Table.Td>
      <Table.Td className="ltr-token">{formatLr(10 ** match.log10Lr, i18n.resolvedLanguage ?? 'en')}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {match.undisputed ? (
            <Badge color="teal" variant="light" tt="none">
              {t('kinship.screen.undisputedBadge')}
            </Badge>
          ) : null}
          <Badge color={match.status === 'confirmed' ? 'teal' : match.status === 'rejected' ? 'red' : 'gray'} variant="outline" tt="none" data-testid="match-status">
            {t(`kinship.screen.matchStatus.${match.status}`)}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        {match.status === 'proposed' && can('genetic.confirm') ? (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" color="teal" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setDeciding('confirm')} data-testid="match-confirm">
              {t('kinship.screen.confirm')}
            </Button>
            <Button size="compact-sm" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={() => setDeciding('reject')} data-testid="match-reject">
              {t('kinship.screen.reject')}
            </Button>
          </Group>
        ) : null}
        <ConfirmDialog
          opened={deciding !== null}
          title={deciding === 'reject' ? t('kinship.screen.rejectTitle') : t('kinship.screen.confirmTitle')}
          body={deciding === 'reject' ? t('kinship.screen.rejectBody') : t('kinship.screen.confirmBody')}
          confirmLabel={deciding === 'reject' ? t('kinship.screen.reject') : t('kinship.screen.confirm')}
          danger={deciding === 'reject'}
          loading={review.isPending}
          onConfirm={decide}
          onClose={close}
        >
          <Textarea
            label={deciding === 'reject' ? t('kinship.screen.reason') : t('kinship.screen.noteOptional')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            withAsterisk={deciding === 'reject'}
            maxLength={1000}
            autosize
            minRows={2}
            dir="auto"
          />
          {review.isError ? <ErrorAlert error={review.error} /> : null}
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}

/** One screen: the job's progress, then the undisputed identifications, the LR matrix and the matches to review. */
export function ScreenPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { screenId = '' } = useParams();
  const query = useScreenQuery(screenId);
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const screen = query.data;
  const name = (id: string) => <PersonName name={screen.people[id]} />;
  const family = (ref: string) => screen.families[ref] ?? ref;
  const summary = screen.summary;

  return (
    <>
      <PageHeader
        title={t('kinship.screen.resultTitle')}
        intro={t('kinship.screen.resultIntro')}
        actions={
          <Button component={Link} to="/kinship/screens" variant="default">
            {t('kinship.screen.back')}
          </Button>
        }
      />
      <Stack gap="lg" maw={1100}>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <ScreenProgress screen={screen} />
            {screen.status === 'failed' ? (
              <Alert color="red" variant="light" role="alert">
                {t('kinship.screen.failed', { error: screen.error ?? '' })}
              </Alert>
            ) : null}
            {screen.frequencies.synthetic ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                {t('kinship.result.synthetic')}
              </Alert>
            ) : null}
            {summary ? (
              <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="screen-summary">
                <CountTile label={t('kinship.screen.children')} value={summary.children} />
                <CountTile label={t('kinship.screen.families')} value={summary.families} />
                <CountTile label={t('kinship.profile.markers')} value={summary.markers.length} />
                <CountTile label={t('kinship.screen.undisputed')} value={summary.undisputed.length} />
              </SimpleGrid>
            ) : null}
            {summary ? (
              <Text size="xs" c="dimmed">
                {summary.workers > 0
                  ? t('kinship.screen.ran', { seconds: summary.seconds, workers: summary.workers, database: screen.frequencies.name })
                  : t('kinship.screen.ranInline', { seconds: summary.seconds, database: screen.frequencies.name })}
              </Text>
            ) : null}
          </Stack>
        </Card>
        {summary ? (
          <>
            <Card withBorder padding="lg" component="section" aria-labelledby="undisputed-title">
              <Title order={2} size="h4" mb="sm" id="undisputed-title">
                {t('kinship.screen.undisputedTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('kinship.screen.undisputedIntro')}
              </Text>
              {summary.undisputed.length === 0 ? (
                <Text size="sm">{t('kinship.screen.noUndisputed')}</Text>
              ) : (
                <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.screen.undisputedTitle')} data-testid="screen-undisputed">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('kinship.screen.child')}</Table.Th>
                      <Table.Th scope="col">{t('kinship.screen.family')}</Table.Th>
                      <Table.Th scope="col">{t('kinship.result.lr')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {summary.undisputed.map((c) => (
                      <Table.Tr key={`${c.child}|${c.family}`}>
                        <Table.Td>{name(c.child)}</Table.Td>
                        <Table.Td>
                          <bdi dir="auto">{family(c.family)}</bdi>
                        </Table.Td>
                        <Table.Td className="ltr-token">{formatLr(lrOf(c.log10Lr), language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="matrix-title">
              <Title order={2} size="h4" mb="sm" id="matrix-title">
                {t('kinship.screen.matrix')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('kinship.screen.matrixIntro')}
              </Text>
              <LrMatrix screen={screen} name={name} family={family} />
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="matches-title">
              <Title order={2} size="h4" mb="sm" id="matches-title">
                {t('kinship.screen.matches')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('kinship.screen.matchesIntro')}
              </Text>
              {screen.matches.length === 0 ? (
                <Text size="sm">{t('kinship.screen.noMatches')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing={6} fz="sm" aria-label={t('kinship.screen.matches')} data-testid="screen-matches">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('kinship.screen.child')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.screen.family')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.screen.relatives')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.result.lr')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.screen.status')}</Table.Th>
                        <Table.Th scope="col">{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {screen.matches.map((m) => (
                        <MatchRow key={m.id} match={m} screenId={screen.id} name={name} family={family} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </>
        ) : null}
      </Stack>
    </>
  );
}
