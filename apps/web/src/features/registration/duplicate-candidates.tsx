import type { MatchCandidatesRequest } from '@homeward/domain';
import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMatchCandidatesQuery } from '../matching/matching.queries';
import { birthInputOf, type BirthDraft } from '../registry/birth-fields';
import { useLabels, type Sex } from '../registry/labels';
import type { NameDraft } from '../registry/name-fields';
import { AgeText, PersonName } from '../registry/person-text';
import { ErrorAlert } from '../shell/error-alert';

/** What the form knows so far, as the matching engine reads it; null until a name has two letters. */
function candidatesRequestOf(names: readonly NameDraft[], sex: Sex, birth: BirthDraft): MatchCandidatesRequest | null {
  const typed = names
    .map((n) => ({ given: n.given.trim(), father: n.father.trim(), grandfather: n.grandfather.trim(), family: n.family.trim(), full: n.full.trim() }))
    .map((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v.length > 0)))
    .filter((n) => Object.values(n).join('').length >= 2);
  if (typed.length === 0) return null;
  const input = birthInputOf(birth);
  const known = input && input !== 'invalid' ? input : null;
  return {
    sex,
    names: typed,
    birth: known ? { date: known.date ?? null, estimatedAge: known.estimatedAge ? { years: known.estimatedAge.years, on: known.estimatedAge.on } : null } : null,
    limit: 6,
  };
}

/**
 * Search before create with the matching engine: while the officer types, the registry records that may be the
 * same person — in any script, with the father's name and age weighed — each with how likely it is and why.
 */
export function DuplicateCandidates({ names, sex, birth }: { names: readonly NameDraft[]; sex: Sex; birth: BirthDraft }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const request = useMemo(() => candidatesRequestOf(names, sex, birth), [names, sex, birth]);
  const [debounced] = useDebouncedValue(JSON.stringify(request), 350);
  const body = useMemo(() => JSON.parse(debounced) as MatchCandidatesRequest | null, [debounced]);
  const search = useMatchCandidatesQuery(body);
  const candidates = search.data?.candidates ?? [];

  return (
    <Card withBorder padding="md" component="aside" aria-labelledby="duplicates-title" data-testid="duplicate-candidates">
      <Title order={2} size="h5" id="duplicates-title" mb="xs">
        {t('registration.duplicates.title')}
      </Title>
      <div aria-live="polite">
        {!body ? (
          <Text size="sm" c="dimmed">
            {t('registration.duplicates.hint')}
          </Text>
        ) : search.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : search.isError ? (
          <ErrorAlert error={search.error} />
        ) : candidates.length === 0 ? (
          <Text size="sm">{t('registration.duplicates.none')}</Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('registration.duplicates.found')}</Text>
            {candidates.map((c) => (
              <Stack key={c.id} gap={2} data-testid="duplicate-candidate">
                <Group gap={6} wrap="wrap">
                  <Text fw={600} size="sm">
                    <PersonName name={c.displayName} />
                  </Text>
                  <Badge variant="light" color={c.band === 'match' ? 'red' : c.band === 'review' ? 'orange' : 'gray'} tt="none" size="sm">
                    {t('matching.probability', { percent: Math.max(0.1, Math.round(c.probability * 1000) / 10) })}
                  </Badge>
                  {c.isSought ? (
                    <Badge variant="light" color="grape" tt="none" size="sm">
                      {t('matching.sought')}
                    </Badge>
                  ) : null}
                </Group>
                {c.otherNames.length > 0 ? (
                  <Text size="xs">
                    {t('matching.alsoKnownAs')}:{' '}
                    {c.otherNames.map((n, i) => (
                      <span key={n}>
                        {i > 0 ? ' · ' : ''}
                        <PersonName name={n} />
                      </span>
                    ))}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {labels.sex(c.sex)} · <AgeText birthYears={c.birthYears} /> ·{' '}
                  {c.why
                    .filter((w) => w.weight !== 0)
                    .slice(0, 4)
                    .map((w) => `${t(`matching.field.${w.field}`)} ${w.weight > 0 ? '+' : ''}${w.weight.toFixed(1)}`)
                    .join(' · ')}
                </Text>
                {c.openCaseId ? (
                  <Anchor component={Link} to={`/cases/${c.openCaseId}`} size="sm">
                    {t('registration.duplicates.openCase')}
                  </Anchor>
                ) : (
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {t('registration.duplicates.noCase')}
                    </Text>
                    <Anchor component={Link} to={`/people/${c.id}`} size="sm">
                      {t('registration.duplicates.openRecord')}
                    </Anchor>
                  </Group>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </div>
    </Card>
  );
}
