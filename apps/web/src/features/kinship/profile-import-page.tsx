import type { ProfileImportRequest, ProfileKind } from '@homeward/domain';
import { parseProfilesCsvLong, parseProfilesCsvWide, parseProfilesJson } from '@homeward/domain/kinship';
import type { ProfileParseError, ProfileParseResult } from '@homeward/domain/kinship';
import { Alert, Anchor, Autocomplete, Button, Card, FileInput, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { todayIso } from '../../i18n/format';
import { PersonSearchSelect, type ChosenPerson } from '../registry/person-search-select';
import { usePersonRecordQuery } from '../registry/registry.queries';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { useKinshipLabels } from './kinship-labels';
import { useImportProfilesMutation } from './kinship.queries';

type Format = ProfileImportRequest['format'];

/** Kits labs commonly use (a suggestion list: any kit name is accepted). */
const KITS = ['GlobalFiler', 'PowerPlex Fusion 6C', 'PowerPlex 21', 'Identifiler Plus', 'Investigator 24plex QS', 'NGM Detect', 'VeriFiler Plus'];

/** The format a file most likely has: JSON by its first character, CSV long by its `marker` column. */
export function guessFormat(text: string): Format {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const header = (start.split(/\r?\n/)[0] ?? '').toLowerCase().split(/[,;\t]/).map((c) => c.trim());
  return header.includes('marker') ? 'csv-long' : 'csv-wide';
}

/** The same parse the server runs, so labels and errors show before anything is sent. */
function parse(format: Format, text: string): ProfileParseResult {
  switch (format) {
    case 'csv-long':
      return parseProfilesCsvLong(text);
    case 'csv-wide':
      return parseProfilesCsvWide(text);
    case 'json':
      try {
        return parseProfilesJson(JSON.parse(text) as unknown);
      } catch (error) {
        return { ok: false, errors: [{ row: null, person: null, marker: null, message: `not valid JSON (${(error as Error).message})` }] };
      }
  }
}

const serverErrors = (error: unknown): ProfileParseError[] | null => {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return null;
  const errors = (error.details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as ProfileParseError[]) : null;
};

/** Every problem of a lab file with its row, lab label and marker, as the parser (or the server) reports it. */
function FileErrors({ errors }: { errors: readonly ProfileParseError[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="kinship-import-errors">
      <Alert color="red" variant="light" role="alert">
        {t('kinship.import.errorsTitle', { n: errors.length })}
      </Alert>
      <Text size="xs" c="dimmed">
        {t('imports.reasonLanguage')}
      </Text>
      <Table.ScrollContainer minWidth={520} mah={360}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('kinship.import.errorsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('kinship.import.row')}</Table.Th>
              <Table.Th scope="col">{t('kinship.import.label')}</Table.Th>
              <Table.Th scope="col">{t('kinship.result.marker')}</Table.Th>
              <Table.Th scope="col">{t('imports.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td className="ltr-token">{e.row ?? '—'}</Table.Td>
                <Table.Td className="ltr-token">{e.person ?? '—'}</Table.Td>
                <Table.Td className="ltr-token">{e.marker ?? '—'}</Table.Td>
                <Table.Td lang="en">
                  <bdi dir="ltr">{e.message}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * Import of STR profiles from a lab file (CSV long or wide, JSON): the file is read and checked here as
 * the server will check it, each lab label is matched to a registered person and marked as a found child
 * or a reference relative, and the sample's facts and the consent are recorded. All or nothing.
 */
export function ProfileImportPage() {
  const { t } = useTranslation();
  const labels = useKinshipLabels();
  const [params] = useSearchParams();
  const preset = params.get('person');
  const presetRecord = usePersonRecordQuery(preset ?? undefined);
  const importing = useImportProfilesMutation();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<Format>('csv-long');
  const [people, setPeople] = useState<Record<string, ChosenPerson | null>>({});
  const [kinds, setKinds] = useState<Record<string, ProfileKind>>({});
  const [kit, setKit] = useState('GlobalFiler');
  const [lab, setLab] = useState('');
  const [collectedOn, setCollectedOn] = useState(todayIso());
  const [collector, setCollector] = useState('');
  const [consent, setConsent] = useState('');
  const [shippedOn, setShippedOn] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const parsed = content ? parse(format, content) : null;
  const profiles = parsed?.ok ? parsed.profiles : [];

  // A file opened from a person's page with a single label belongs to that person unless changed.
  useEffect(() => {
    const only = profiles.length === 1 ? profiles[0]!.person : null;
    if (only && preset && presetRecord.data && people[only] === undefined) setPeople((p) => ({ ...p, [only]: { id: preset, name: presetRecord.data.displayName ?? t('registry.unnamed') } }));
  }, [profiles, preset, presetRecord.data, people, t]);

  const onFile = async (chosen: File | null) => {
    setFile(chosen);
    importing.reset();
    setPeople({});
    setKinds({});
    if (!chosen) return setContent('');
    const text = await chosen.text();
    setContent(text);
    setFormat(guessFormat(text));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!parsed?.ok) return setProblem(t('kinship.import.chooseFile'));
    const missing = profiles.filter((p) => !people[p.person]);
    if (missing.length > 0) return setProblem(t('kinship.import.mapEveryone', { labels: missing.map((p) => p.person).join(', ') }));
    if (!kit.trim() || !lab.trim() || !collector.trim() || !collectedOn) return setProblem(t('kinship.import.sampleRequired'));
    if (!consent.trim()) return setProblem(t('kinship.import.consentRequired'));
    setProblem(null);
    importing.mutate({
      format,
      content,
      kit: kit.trim(),
      lab: lab.trim(),
      collectedOn,
      collector: collector.trim(),
      consentReference: consent.trim(),
      people: Object.fromEntries(profiles.map((p) => [p.person, people[p.person]!.id])),
      kind: 'reference',
      kinds: Object.fromEntries(profiles.map((p) => [p.person, kinds[p.person] ?? 'reference'])),
      custody: [...(shippedOn ? [{ kind: 'shipped' as const, on: shippedOn }] : []), ...(receivedOn ? [{ kind: 'received' as const, on: receivedOn }] : [])],
    });
  };

  const server = importing.isError ? serverErrors(importing.error) : null;

  return (
    <>
      <PageHeader title={t('kinship.import.title')} intro={t('kinship.import.intro')} />
      <Card withBorder padding="lg" maw={1040}>
        {importing.isSuccess ? (
          <Stack gap="md" data-testid="kinship-import-done">
            <Alert color="teal" variant="light">
              {t('kinship.import.done', { n: importing.data.profiles.length })}
            </Alert>
            <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.import.doneTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('kinship.import.label')}</Table.Th>
                  <Table.Th scope="col">{t('kinship.import.person')}</Table.Th>
                  <Table.Th scope="col">{t('kinship.profile.markers')}</Table.Th>
                  <Table.Th scope="col">{t('kinship.profile.versionShort')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {importing.data.profiles.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td className="ltr-token">{p.label}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${p.personId}`}>
                        <bdi dir="auto">{people[p.label]?.name ?? p.personId}</bdi>
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="ltr-token">{p.markers}</Table.Td>
                    <Table.Td className="ltr-token">{p.version}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <div>
              <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void onFile(null)}>
                {t('kinship.import.another')}
              </Button>
            </div>
          </Stack>
        ) : (
          <form onSubmit={onSubmit} noValidate aria-label={t('kinship.import.title')}>
            <Stack gap="md">
              <Group align="flex-end" gap="md">
                <FileInput
                  label={t('kinship.import.file')}
                  description={t('kinship.import.fileHint')}
                  accept=".csv,.json,.txt,text/csv,application/json"
                  value={file}
                  onChange={(f) => void onFile(f)}
                  clearable
                  clearButtonProps={{ 'aria-label': t('fileInput.clear') }}
                  withAsterisk
                  w={360}
                  data-testid="kinship-file"
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="kinship-format-label">
                    {t('kinship.import.format')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="kinship-format-label"
                    value={format}
                    onChange={(v) => setFormat(v as Format)}
                    data={[
                      { value: 'csv-long', label: t('kinship.import.csvLong') },
                      { value: 'csv-wide', label: t('kinship.import.csvWide') },
                      { value: 'json', label: 'JSON' },
                    ]}
                  />
                </Stack>
              </Group>
              {parsed && !parsed.ok ? <FileErrors errors={parsed.errors} /> : null}
              {profiles.length > 0 ? (
                <Stack gap="xs">
                  <Title order={2} size="h5">
                    {t('kinship.import.labelsTitle', { n: profiles.length })}
                  </Title>
                  <Table verticalSpacing="xs" fz="sm" aria-label={t('kinship.import.labelsTitle', { n: profiles.length })} data-testid="kinship-labels">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('kinship.import.label')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.profile.markers')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.import.person')}</Table.Th>
                        <Table.Th scope="col">{t('kinship.profile.kind')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {profiles.map((p) => (
                        <Table.Tr key={p.person} data-testid={`label-${p.person}`}>
                          <Table.Td className="ltr-token">{p.person}</Table.Td>
                          <Table.Td className="ltr-token">{Object.keys(p.markers).length}</Table.Td>
                          <Table.Td miw={260}>
                            <PersonSearchSelect
                              label={t('kinship.import.personFor', { label: p.person })}
                              value={people[p.person] ?? null}
                              onChange={(person) => setPeople((all) => ({ ...all, [p.person]: person }))}
                            />
                          </Table.Td>
                          <Table.Td>
                            <SegmentedControl
                              size="xs"
                              aria-label={t('kinship.import.kindFor', { label: p.person })}
                              value={kinds[p.person] ?? 'reference'}
                              onChange={(v) => setKinds((all) => ({ ...all, [p.person]: v as ProfileKind }))}
                              data={[
                                { value: 'reference', label: labels.profileKind('reference') },
                                { value: 'child', label: labels.profileKind('child') },
                              ]}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                <Autocomplete label={t('kinship.profile.kit')} data={KITS} value={kit} onChange={setKit} withAsterisk maxLength={100} />
                <TextInput label={t('kinship.profile.lab')} value={lab} onChange={(e) => setLab(e.currentTarget.value)} withAsterisk maxLength={200} dir="auto" />
                <TextInput label={t('kinship.import.collectedOn')} type="date" value={collectedOn} onChange={(e) => setCollectedOn(e.currentTarget.value)} withAsterisk />
                <TextInput label={t('kinship.import.collector')} value={collector} onChange={(e) => setCollector(e.currentTarget.value)} withAsterisk maxLength={200} dir="auto" />
                <TextInput label={t('kinship.import.shippedOn')} type="date" value={shippedOn} onChange={(e) => setShippedOn(e.currentTarget.value)} />
                <TextInput label={t('kinship.import.receivedOn')} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} />
              </SimpleGrid>
              <TextInput
                label={t('kinship.profile.consent')}
                description={t('kinship.import.consentHint')}
                value={consent}
                onChange={(e) => setConsent(e.currentTarget.value)}
                withAsterisk
                maxLength={200}
                dir="auto"
              />
              {problem ? (
                <Text size="sm" c="red.9" role="alert" data-testid="kinship-import-problem">
                  {problem}
                </Text>
              ) : null}
              {server ? <FileErrors errors={server} /> : importing.isError ? <ErrorAlert error={importing.error} /> : null}
              <Group justify="flex-end">
                <Button type="submit" loading={importing.isPending} leftSection={<IconFileImport size={18} aria-hidden />} data-testid="kinship-import-submit">
                  {t('kinship.import.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Card>
    </>
  );
}
