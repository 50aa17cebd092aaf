import type { MatchDecisionResponse, MatchQueueItem, MatchSuggestion } from '@homeward/domain';
import { Alert, Anchor, Badge, Button, Card, Center, Grid, Group, Kbd, Loader, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';
import { PersonName } from '../registry/person-text';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { MatchSideCard } from './match-side';
import { useMatchDecisionMutation, useMatchQueueQuery, useMatchSuggestionQuery, type QueueFilters } from './matching.queries';

type Decision = 'confirm' | 'reject' | 'unsure';

const percent = (p: number) => Math.round(p * 1000) / 10;

/** One line of the queue: both names, kind and probability; the selected line is marked for screen readers. */
function QueueLine({ item, selected, onSelect }: { item: MatchQueueItem; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      data-testid="match-queue-item"
      p="xs"
      style={{ borderRadius: 6, border: `1px solid ${selected ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-gray-3)'}`, background: selected ? 'var(--mantine-color-blue-0)' : undefined }}
    >
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          <PersonName name={item.a.displayName} /> ↔ <PersonName name={item.b.displayName} />
        </Text>
        <Group gap={4}>
          <Badge size="xs" variant="light" tt="none" color={item.kind === 'tracing' ? 'grape' : 'blue'}>
            {t(`matching.kind.${item.kind}`)}
          </Badge>
          <Badge size="xs" variant="light" tt="none" color={item.band === 'match' ? 'green' : 'yellow'}>
            {t(`matching.band.${item.band}`)}
          </Badge>
          {item.status === 'unsure' ? (
            <Badge size="xs" variant="outline" tt="none" color="orange">
              {t('matching.status.unsure')}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            <bdi dir="ltr">{percent(item.probability)}%</bdi>
          </Text>
        </Group>
      </Stack>
    </UnstyledButton>
  );
}

/** The reasons: each compared field, how well it agrees and what it weighs. */
function FieldsTable({ suggestion }: { suggestion: MatchSuggestion }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb={4}>
        {t('matching.fieldsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('matching.weightHelp')}
      </Text>
      <Table verticalSpacing={4} aria-label={t('matching.fieldsTitle')} data-testid="match-fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('matching.columns.field')}</Table.Th>
            <Table.Th scope="col">{t('matching.columns.level')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('matching.columns.weight')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suggestion.fields.map((f) => (
            <Table.Tr key={f.field}>
              <Table.Td>{t(`matching.field.${f.field}`)}</Table.Td>
              <Table.Td>{t(`matching.level.${f.level as 'exact'}`, { defaultValue: f.level })}</Table.Td>
              <Table.Td ta="end">
                <Badge variant="light" tt="none" color={f.weight > 0 ? 'green' : f.weight < 0 ? 'red' : 'gray'}>
                  <bdi dir="ltr">{f.weight > 0 ? `+${f.weight.toFixed(1)}` : f.weight.toFixed(1)}</bdi>
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2} fw={600}>
              {t('matching.total')}
            </Table.Td>
            <Table.Td ta="end" fw={600}>
              <bdi dir="ltr">{suggestion.score.toFixed(1)}</bdi>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The shortcuts, written on the page so nobody has to guess them. */
function Shortcuts() {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    ['j', t('matching.shortcuts.next')],
    ['k', t('matching.shortcuts.previous')],
    ['c', t('matching.shortcuts.confirm')],
    ['r', t('matching.shortcuts.reject')],
    ['u', t('matching.shortcuts.unsure')],
    ['n', t('matching.shortcuts.note')],
    ['Esc', t('matching.shortcuts.leave')],
  ];
  return (
    <Card withBorder padding="sm" component="aside" aria-labelledby="match-shortcuts-title" data-testid="match-shortcuts">
      <Text size="sm" fw={600} id="match-shortcuts-title" mb={4}>
        {t('matching.shortcuts.title')}
      </Text>
      <Stack gap={2}>
        {rows.map(([key, label]) => (
          <Text size="xs" key={key}>
            <Kbd size="xs">{key}</Kbd> {label}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * The review queue: suggestions best first on one side, the selected pair side by side with every name in its
 * script and its reading, the reasons field by field, and the decision; keyboard-driven for long sessions.
 */
export function MatchReviewPage() {
  const { t } = useTranslation();
  const can = useCan();
  const mayDecide = can('matching.confirm');
  const [filters, setFilters] = useState<QueueFilters>({ kind: 'all', band: 'all' });
  const queue = useMatchQueueQuery(filters);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const pending = queue.data?.pages[0]?.pendingPeople ?? 0;
  const [chosen, setChosen] = useState<string | null>(null);
  const selectedId = chosen && items.some((i) => i.id === chosen) ? chosen : (items[0]?.id ?? null);
  const suggestion = useMatchSuggestionQuery(selectedId);
  const decide = useMatchDecisionMutation();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<MatchSuggestion['kind'] | null>(null);
  const [lastDecision, setLastDecision] = useState<MatchDecisionResponse | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const index = items.findIndex((i) => i.id === selectedId);

  const select = (id: string | null) => {
    setChosen(id);
    setNote('');
    setNoteError(null);
  };
  const move = (step: number) => {
    const next = items[index + step];
    if (next) select(next.id);
    else if (step > 0 && queue.hasNextPage) void queue.fetchNextPage();
  };

  const run = (decision: Decision) => {
    if (!selectedId || decide.isPending) return;
    const reason = note.trim();
    if (decision !== 'confirm' && !reason) {
      setNoteError(t('matching.reasonRequired'));
      noteRef.current?.focus();
      return;
    }
    const after = items[index + 1]?.id ?? items[index - 1]?.id ?? null;
    decide.mutate(
      { id: selectedId, decision, reason: reason || null },
      {
        onSuccess: (result) => {
          setConfirming(null);
          setLastDecision(result);
          notify('success', t(`matching.done.${result.status === 'confirmed' ? 'confirmed' : result.status === 'rejected' ? 'rejected' : 'unsure'}`));
          select(decision === 'unsure' ? selectedId : after);
        },
      },
    );
  };
  const askConfirm = () => {
    if (mayDecide && selectedId && suggestion.data && !decide.isPending) setConfirming(suggestion.data.kind);
  };

  // Shortcuts act on the page, not while the confirmation dialog is open (Enter and Esc answer it there).
  const whenFree = (action: () => void) => () => {
    if (confirming === null) action();
  };
  useHotkeys([
    ['j', whenFree(() => move(1))],
    ['k', whenFree(() => move(-1))],
    ['c', whenFree(askConfirm)],
    ['r', whenFree(() => mayDecide && run('reject'))],
    ['u', whenFree(() => run('unsure'))],
    [
      'n',
      (event) => {
        if (confirming !== null) return;
        event.preventDefault();
        noteRef.current?.focus();
      },
    ],
  ]);

  const current = suggestion.data;
  const open = current && (current.status === 'proposed' || current.status === 'unsure');

  return (
    <>
      <PageHeader title={t('matching.title')} intro={t('matching.intro')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('matching.filters.kind')}
              data-testid="match-kind-filter"
              size="xs"
              fullWidth
              value={filters.kind}
              onChange={(v) => setFilters((f) => ({ ...f, kind: v as QueueFilters['kind'] }))}
              data={[
                { value: 'all', label: t('matching.filters.all') },
                { value: 'tracing', label: t('matching.kind.tracing') },
                { value: 'duplicate', label: t('matching.kind.duplicate') },
              ]}
            />
            <SegmentedControl
              aria-label={t('matching.filters.band')}
              size="xs"
              fullWidth
              value={filters.band}
              onChange={(v) => setFilters((f) => ({ ...f, band: v as QueueFilters['band'] }))}
              data={[
                { value: 'all', label: t('matching.filters.all') },
                { value: 'match', label: t('matching.band.match') },
                { value: 'review', label: t('matching.band.review') },
              ]}
            />
            {pending > 0 ? (
              <Text size="xs" c="dimmed" data-testid="match-pending">
                {t('matching.pending', { count: pending })}
              </Text>
            ) : null}
            <nav aria-label={t('matching.queueLabel')}>
              {queue.isPending ? (
                <Loader size="sm" aria-label={t('common.loading')} />
              ) : queue.isError ? (
                <ErrorAlert error={queue.error} />
              ) : items.length === 0 ? (
                <Text size="sm">{t('matching.empty')}</Text>
              ) : (
                <Stack gap={6}>
                  {items.map((item) => (
                    <QueueLine key={item.id} item={item} selected={item.id === selectedId} onSelect={() => select(item.id)} />
                  ))}
                  {queue.hasNextPage ? (
                    <Button variant="subtle" size="xs" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
                      {t('matching.loadMore')}
                    </Button>
                  ) : null}
                </Stack>
              )}
            </nav>
            <Shortcuts />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md">
            {lastDecision?.effects.foundPersonId ? (
              <Alert color="green" title={t('matching.done.confirmed')} data-testid="match-found" withCloseButton onClose={() => setLastDecision(null)} closeButtonLabel={t('common.close')}>
                <Group gap="md">
                  <Anchor component={Link} to={`/people/${lastDecision.effects.foundPersonId}`}>
                    {t('matching.openRecord')}
                  </Anchor>
                  {lastDecision.effects.caseId ? (
                    <Anchor component={Link} to={`/cases/${lastDecision.effects.caseId}`}>
                      {t('matching.openCase')}
                    </Anchor>
                  ) : null}
                </Group>
              </Alert>
            ) : null}
            {!selectedId ? (
              queue.isPending ? null : <Text c="dimmed">{t('matching.selectOne')}</Text>
            ) : suggestion.isPending ? (
              <Center py="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            ) : suggestion.isError ? (
              <ErrorAlert error={suggestion.error} />
            ) : current ? (
              <>
                <Group gap="sm" data-testid="match-header">
                  <Badge size="lg" variant="light" tt="none" color={current.kind === 'tracing' ? 'grape' : 'blue'}>
                    {t(`matching.kind.${current.kind}`)}
                  </Badge>
                  <Badge size="lg" variant="light" tt="none" color={current.band === 'match' ? 'green' : 'yellow'}>
                    {t(`matching.band.${current.band}`)}
                  </Badge>
                  <Text fw={600}>{t('matching.probability', { percent: percent(current.probability) })}</Text>
                  {!open ? <Badge tt="none">{t('matching.decided', { status: t(`matching.status.${current.status}`) })}</Badge> : null}
                </Group>
                {current.reason ? <Text size="sm">{t('matching.reason', { reason: current.reason })}</Text> : null}
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                  <MatchSideCard side={current.a} testId="match-side-a" />
                  <MatchSideCard side={current.b} testId="match-side-b" />
                </SimpleGrid>
                <FieldsTable suggestion={current} />
                {open ? (
                  <Card withBorder padding="md" component="section" aria-label={t('matching.note')}>
                    <Stack gap="sm">
                      <Textarea
                        ref={noteRef}
                        label={t('matching.note')}
                        description={t('matching.noteHint')}
                        value={note}
                        error={noteError}
                        autosize
                        minRows={2}
                        maxLength={2000}
                        onChange={(e) => {
                          setNote(e.currentTarget.value);
                          setNoteError(null);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') e.currentTarget.blur();
                        }}
                        data-testid="match-note"
                      />
                      {!mayDecide ? <Text size="sm" c="dimmed">{t('matching.onlySupervisors')}</Text> : null}
                      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
                      <Group gap="sm">
                        {mayDecide ? (
                          <>
                            <Button color="teal.9" onClick={askConfirm} data-testid="match-confirm">
                              {t('matching.confirm')} <Kbd ms="xs" size="xs">c</Kbd>
                            </Button>
                            <Button color="red" variant="light" loading={decide.isPending && decide.variables.decision === 'reject'} onClick={() => run('reject')} data-testid="match-reject">
                              {t('matching.reject')} <Kbd ms="xs" size="xs">r</Kbd>
                            </Button>
                          </>
                        ) : null}
                        <Button variant="default" loading={decide.isPending && decide.variables.decision === 'unsure'} onClick={() => run('unsure')} data-testid="match-unsure">
                          {t('matching.unsure')} <Kbd ms="xs" size="xs">u</Kbd>
                        </Button>
                      </Group>
                    </Stack>
                  </Card>
                ) : null}
              </>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('matching.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{confirming === 'tracing' ? t('matching.confirmTracing') : t('matching.confirmDuplicate')}</Text>
          {decide.isError ? <ErrorAlert error={decide.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="teal.9" data-autofocus loading={decide.isPending} onClick={() => run('confirm')} data-testid="match-confirm-final">
              {t('matching.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
