import type { NameView, PersonRecord } from '@homeward/domain';
import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent, IconGavel, IconHistory, IconLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../auth/session-context';
import { useLabels } from '../../registry/labels';
import { BirthText, PersonName, nameTextOf } from '../../registry/person-text';
import { BirthDialog } from './birth-dialog';
import { DecideIdentityDialog } from './decide-identity-dialog';
import { HistoryDrawer } from './history-drawer';
import { LinkRelativeDialog } from './link-relative-dialog';
import { NameDialog } from './name-dialog';
import { NationalitySection } from './nationality-section';
import { PhotosSection } from './photos-section';

type Dialog = { kind: 'name'; correcting: NameView | null } | { kind: 'birth' } | { kind: 'link' } | { kind: 'decide' } | { kind: 'history' };

const PARTS = ['given', 'father', 'grandfather', 'family'] as const;

/** The parts of a name, each labelled, each isolated so any script reads right. */
function NameParts({ name }: { name: NameView }) {
  const { t } = useTranslation();
  const parts = PARTS.filter((p) => name[p]);
  if (parts.length === 0 || (parts.length === 1 && !name.full)) return null;
  return (
    <Text size="xs" c="dimmed">
      {parts.map((p, i) => (
        <span key={p}>
          {i > 0 ? ' · ' : ''}
          {t(`registry.nameParts.${p}`)}: <bdi dir="auto">{name[p]}</bdi>
        </span>
      ))}
    </Text>
  );
}

/**
 * Who the person is, with every name as recorded and where each came from, the birth, the relatives linked
 * with their evidence, photos and nationality claims; and the actions that add to it (nothing is ever
 * overwritten).
 */
export function IdentityPanel({ person }: { person: PersonRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const session = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canEdit = can('person.update') && session.writableCategories.includes('identity');
  const close = () => setDialog(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="identity-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="identity-title">
          {t('identity.title')}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => setDialog({ kind: 'history' })}>
            {t('identity.history.open')}
          </Button>
          {can('person.decide_identity') ? (
            <Button size="xs" variant="light" leftSection={<IconGavel size={14} aria-hidden />} onClick={() => setDialog({ kind: 'decide' })}>
              {t('identity.decide.open')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <Stack gap="md">
        <div>
          <Group justify="space-between" mb={4}>
            <Title order={3} size="h6">
              {t('identity.names')}
            </Title>
            {canEdit ? (
              <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog({ kind: 'name', correcting: null })}>
                {t('identity.addName')}
              </Button>
            ) : null}
          </Group>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" aria-label={t('identity.names')} data-testid="names-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('identity.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('identity.columns.script')}</Table.Th>
                  <Table.Th scope="col">{t('identity.columns.kind')}</Table.Th>
                  <Table.Th scope="col">{t('identity.columns.source')}</Table.Th>
                  <Table.Th scope="col">{t('identity.columns.confidence')}</Table.Th>
                  {canEdit ? (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.names.map((name) => (
                  <Table.Tr key={name.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <PersonName name={nameTextOf(name)} />
                      </Text>
                      <NameParts name={name} />
                    </Table.Td>
                    <Table.Td>{labels.script(name.script)}</Table.Td>
                    <Table.Td>{labels.nameKind(name.kind)}</Table.Td>
                    <Table.Td>{labels.source(name.source)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={name.confidence === 'high' ? 'green' : name.confidence === 'low' ? 'gray' : 'blue'} tt="none">
                        {labels.confidence(name.confidence)}
                      </Badge>
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Tooltip label={t('identity.correctName')}>
                          <ActionIcon
                            variant="subtle"
                            color="dark"
                            aria-label={t('identity.correctNamed', { name: nameTextOf(name) })}
                            onClick={() => setDialog({ kind: 'name', correcting: name })}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>

        <div>
          <Group justify="space-between" mb={4}>
            <Title order={3} size="h6">
              {t('identity.birth')}
            </Title>
            {canEdit ? (
              <Button size="xs" variant="subtle" leftSection={<IconCalendarEvent size={14} aria-hidden />} onClick={() => setDialog({ kind: 'birth' })}>
                {t('identity.recordBirth')}
              </Button>
            ) : null}
          </Group>
          <Text size="sm" data-testid="birth-text">
            <BirthText birth={person.birth} />
            {person.birth ? (
              <Text span size="xs" c="dimmed">
                {' '}
                ({labels.source(person.birth.source)})
              </Text>
            ) : null}
          </Text>
        </div>

        <div>
          <Group justify="space-between" mb={4}>
            <Title order={3} size="h6">
              {t('identity.relatives')}
            </Title>
            {canEdit ? (
              <Button size="xs" variant="subtle" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setDialog({ kind: 'link' })}>
                {t('identity.linkRelative')}
              </Button>
            ) : null}
          </Group>
          {person.relationships.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('identity.noRelatives')}
            </Text>
          ) : (
            <Stack gap={4} data-testid="relationships">
              {person.relationships.map((r) => (
                <Group key={r.id} gap="xs">
                  <Text size="sm" fw={500}>
                    {labels.relationship(r.kind)}:
                  </Text>
                  <Text size="sm">
                    <PersonName name={r.relatedDisplayName} />
                  </Text>
                  <Badge size="sm" variant="light" color={r.evidenceLevel === 'claimed' ? 'gray' : 'teal'} tt="none">
                    {labels.evidence(r.evidenceLevel)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {labels.source(r.source)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </div>

        <PhotosSection person={person} canEdit={canEdit} />
        <NationalitySection person={person} canEdit={canEdit} />
      </Stack>

      <NameDialog personId={person.id} correcting={dialog?.kind === 'name' ? dialog.correcting : null} opened={dialog?.kind === 'name'} onClose={close} />
      <BirthDialog personId={person.id} current={person.birth} opened={dialog?.kind === 'birth'} onClose={close} />
      <LinkRelativeDialog personId={person.id} opened={dialog?.kind === 'link'} onClose={close} />
      <HistoryDrawer personId={person.id} opened={dialog?.kind === 'history'} onClose={close} />
      {can('person.decide_identity') ? <DecideIdentityDialog person={person} opened={dialog?.kind === 'decide'} onClose={close} /> : null}
    </Card>
  );
}
