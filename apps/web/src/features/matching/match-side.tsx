import type { MatchName, MatchSide } from '@homeward/domain';
import { Anchor, Badge, Card, Divider, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOneOf, RELATIONSHIP_KINDS, useLabels } from '../registry/labels';
import { BirthText, PersonName } from '../registry/person-text';

const PART_FIELDS = { given: 'given', father: 'father', grandfather: 'grandfather', family: 'family' } as const;

/** One recorded name: as written (in its own direction), with each part's Latin reading and comparison key. */
function NameRow({ name }: { name: MatchName }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap={4} data-testid="match-name">
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="lg" lang={name.script === 'Arab' ? 'ar' : undefined}>
          <PersonName name={name.text} />
        </Text>
        <Badge variant="light" size="sm" tt="none">
          {labels.script(name.script)}
        </Badge>
        <Badge variant="outline" size="sm" tt="none" color="gray">
          {labels.nameKind(name.kind)} · {labels.source(name.source)}
        </Badge>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" c="dimmed" fw={500}>
              {t('matching.names')}
            </Table.Th>
            <Table.Th scope="col" c="dimmed" fw={500}>
              {t('matching.reading')}
            </Table.Th>
            <Table.Th scope="col" c="dimmed" fw={500}>
              {t('matching.key')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {name.parts.map((part) => (
            <Table.Tr key={part.role}>
              <Table.Td>
                <Text span size="xs" c="dimmed">
                  {part.role === 'full' ? t('matching.names') : t(`matching.field.${PART_FIELDS[part.role]}`)}:{' '}
                </Text>
                <PersonName name={part.text} />
              </Table.Td>
              <Table.Td>
                <bdi dir="ltr" className="ltr-token">
                  {part.reading}
                </bdi>
              </Table.Td>
              <Table.Td>
                <bdi dir="ltr" className="ltr-token">
                  {part.key}
                </bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One side of a pair: who the record says this is, every name in its script, birth and the family context. */
export function MatchSideCard({ side, testId }: { side: MatchSide; testId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const request = side.tracingRequest;
  return (
    <Card withBorder padding="md" data-testid={testId} component="section" aria-label={side.isSought ? t('matching.side.sought') : t('matching.side.registry')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Badge color={side.isSought ? 'grape' : 'blue'} variant="light" tt="none">
              {side.isSought ? t('matching.side.sought') : t('matching.side.registry')}
            </Badge>
            <Title order={3} size="h4">
              <PersonName name={side.displayName} />
            </Title>
          </Stack>
          {side.openCaseId ? (
            <Anchor component={Link} to={`/cases/${side.openCaseId}`} size="sm">
              {t('matching.openCase')}
            </Anchor>
          ) : (
            <Anchor component={Link} to={`/people/${side.id}`} size="sm">
              {t('matching.openRecord')}
            </Anchor>
          )}
        </Group>
        {request ? (
          <Card bg="grape.0" padding="xs" radius="sm">
            <Text size="sm" fw={600}>
              {t('matching.request', { reference: request.reference })} · {t(`matching.requestStatus.${request.status}`)}
            </Text>
            <Text size="sm">
              {t('matching.requestDetail', {
                relationship: request.requesterRelationship,
                sought: isOneOf(RELATIONSHIP_KINDS, request.relationshipToRequester) ? labels.relationship(request.relationshipToRequester) : request.relationshipToRequester,
              })}
            </Text>
            {request.familyLeftOn ? <Text size="sm">{t('matching.familyLeft', { date: request.familyLeftOn })}</Text> : null}
          </Card>
        ) : null}
        <Stack gap="sm">
          {side.names.map((name) => (
            <NameRow key={name.id} name={name} />
          ))}
        </Stack>
        <Divider />
        <Text size="sm">
          <Text span c="dimmed">
            {t('matching.birth')}:{' '}
          </Text>
          <BirthText birth={side.birth} />
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('matching.sex')}:{' '}
          </Text>
          {labels.sex(side.sex)}
        </Text>
        {side.origin ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('matching.origin')}:{' '}
            </Text>
            <bdi dir="auto">{[side.origin.district, side.origin.country].filter(Boolean).join(', ')}</bdi>
          </Text>
        ) : null}
        <div>
          <Text size="sm" c="dimmed">
            {t('matching.relatives')}
          </Text>
          {side.relatives.length === 0 ? (
            <Text size="sm">{t('matching.noRelatives')}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {side.relatives.map((r) => (
                <List.Item key={`${r.personId}-${r.kind}`}>
                  {labels.relationship(r.kind)}:{' '}
                  <Anchor component={Link} to={`/people/${r.personId}`}>
                    <PersonName name={r.displayName} />
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({labels.evidence(r.evidenceLevel)})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {side.families.length > 0 ? (
          <Text size="sm">
            <Text span c="dimmed">
              {t('matching.families')}:{' '}
            </Text>
            {side.families.map((f) => (
              <bdi key={f.id} dir="auto">
                {f.label}{' '}
              </bdi>
            ))}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
