import { Button, Card, Center, Group, List, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PlacesBoard } from '@homeward/domain';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-context';
import { useLabels } from '../registry/labels';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { GatheringPlanView } from './gathering-plan';
import { PlaceCard } from './place-card';
import { PlacedPersonLink } from './placed-person-link';
import { PlaceFormModal } from './place-form-modal';
import { usePlacesBoardQuery } from './places.queries';

/** Every place of the mission with how full it is and the children there, and the plan to gather them. */
export function PlacesBoardPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const [target, setTarget] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PlacesBoard['places'][number] | null>(null);
  const board = usePlacesBoardQuery(target);

  return (
    <>
      <PageHeader
        title={t('places.title')}
        intro={t('places.intro')}
        actions={
          can('place.create') ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('places.new')}
            </Button>
          ) : null
        }
      />
      {board.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : board.isError ? (
        <ErrorAlert error={board.error} />
      ) : (
        <Stack gap="lg">
          <Group align="flex-end" gap="md">
            <Select
              label={t('places.chooseTarget')}
              description={t('places.chooseTargetHint')}
              data={board.data.places.map((p) => ({ value: p.id, label: `${p.name} (${labels.placeKind(p.kind)})` }))}
              value={target}
              onChange={setTarget}
              clearable
              searchable
              w={360}
              disabled={board.data.places.length === 0}
            />
          </Group>
          {board.data.gathering ? <GatheringPlanView plan={board.data.gathering} /> : null}
          <Card withBorder padding="md" component="section" aria-labelledby="unplaced-title">
            <Title order={2} size="h5" id="unplaced-title">
              {t('places.unplaced', { n: board.data.unplacedChildCount })}
            </Title>
            {board.data.unplacedChildren && board.data.unplacedChildren.length > 0 ? (
              <List size="sm" mt="xs">
                {board.data.unplacedChildren.map((child) => (
                  <List.Item key={child.id}>
                    <PlacedPersonLink person={child} />
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Card>
          {board.data.places.length === 0 ? (
            <Text data-testid="places-empty">{t('places.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} data-testid="places-board">
              {board.data.places.map((place) => (
                <PlaceCard key={place.id} place={place} isTarget={place.id === target} onEdit={can('place.update') ? () => setEditing(place) : undefined} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
      <PlaceFormModal opened={creating} onClose={() => setCreating(false)} />
      <PlaceFormModal opened={editing !== null} place={editing} onClose={() => setEditing(null)} />
    </>
  );
}
