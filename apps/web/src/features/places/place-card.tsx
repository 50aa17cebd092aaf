import type { PlacesBoard } from '@homeward/domain';
import { ActionIcon, Alert, Badge, Card, Group, List, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../registry/labels';
import { PersonName } from '../registry/person-text';
import { PlacedPersonLink } from './placed-person-link';

type BoardPlace = PlacesBoard['places'][number];

/** One place on the board: how full it is against its capacity, and the children there, each linked. */
export function PlaceCard({ place, isTarget, onEdit }: { place: BoardPlace; isTarget: boolean; onEdit?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const percent = place.capacity ? Math.min(100, Math.round((place.occupancy / place.capacity) * 100)) : 0;
  const titleId = `place-${place.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId} data-testid="place-card" style={isTarget ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 } : undefined}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <div>
          <Title order={2} size="h5" id={titleId}>
            <PersonName name={place.name} />
          </Title>
          <Text size="xs" c="dimmed">
            {labels.placeKind(place.kind)}
            {place.city ? (
              <>
                {' · '}
                <bdi dir="auto">{place.city}</bdi>
              </>
            ) : null}
            {place.country ? ` · ${place.country}` : ''}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          {isTarget ? (
            <Badge variant="filled" tt="none">
              {t('places.target')}
            </Badge>
          ) : null}
          {onEdit ? (
            <Tooltip label={t('placeEdit.title')}>
              <ActionIcon variant="subtle" color="dark" aria-label={t('placeEdit.open', { name: place.name })} onClick={onEdit}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <Stack gap={6}>
        <Text size="sm">
          {place.capacity === null
            ? t('places.occupancyNoCapacity', { occupancy: place.occupancy })
            : t('places.occupancy', { occupancy: place.occupancy, capacity: place.capacity })}
          {' · '}
          {t('places.childCount', { n: place.childCount })}
        </Text>
        {place.capacity !== null ? (
          <Progress
            value={percent}
            color={place.overCapacity ? 'red' : percent >= 90 ? 'orange' : 'teal'}
            aria-label={t('places.occupancyLabel', { name: place.name })}
            size="lg"
          />
        ) : null}
        {place.overCapacity ? (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />}>
            {t('places.overCapacity', { n: place.occupancy - (place.capacity ?? 0) })}
          </Alert>
        ) : null}
        {place.children === undefined ? null : place.children.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('places.noChildren')}
          </Text>
        ) : (
          <List size="sm" spacing={2} aria-label={t('places.childrenAt', { name: place.name })}>
            {place.children.map((child) => (
              <List.Item key={child.id}>
                <PlacedPersonLink person={child} />
                {child.sex ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({labels.sex(child.sex)})
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
