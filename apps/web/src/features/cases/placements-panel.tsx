import { recordPlacementRequestSchema } from '@homeward/domain';
import { Button, Card, Center, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconBuildingCommunity, IconDoorExit } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, todayIso } from '../../i18n/format';
import { useCan, useSession } from '../auth/session-context';
import { useEndPlacementMutation, usePlacementsQuery, usePlacesQuery, useRecordPlacementMutation } from '../places/places.queries';
import { useLabels } from '../registry/labels';
import { PersonName } from '../registry/person-text';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';

/** Where the person is now and has been, and the dialog that places or transfers them. */
export function PlacementsPanel({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const session = useSession();
  const placements = usePlacementsQuery(personId);
  const [placing, setPlacing] = useState(false);
  const [ending, setEnding] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';
  const canPlace = can('person.update') && can('place.list') && session.writableCategories.includes('location');
  const current = placements.data?.current ?? null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="placements-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="placements-title">
          {t('placements.title')}
        </Title>
        {canPlace ? (
          <Group gap="xs">
            {current ? (
              <Button size="xs" variant="default" leftSection={<IconDoorExit size={14} aria-hidden />} onClick={() => setEnding(true)}>
                {t('placementEnd.open')}
              </Button>
            ) : null}
            <Button size="xs" leftSection={<IconBuildingCommunity size={14} aria-hidden />} onClick={() => setPlacing(true)}>
              {current ? t('placements.transfer') : t('placements.placeAction')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {placements.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : placements.isError ? (
        <ErrorAlert error={placements.error} />
      ) : placements.data.placements === undefined ? (
        <Text size="sm" c="dimmed">
          {t('placements.hidden')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" data-testid="current-place">
            {t('placements.current')}:{' '}
            {current ? (
              <>
                <PersonName name={current.place.name} fw={600} /> ({labels.placeKind(current.place.kind)}) · {t('placements.since', { date: formatCalendarDate(current.startOn, language) })}
              </>
            ) : (
              t('placements.none')
            )}
          </Text>
          {placements.data.placements.length > 0 ? (
            <Table verticalSpacing={4} fz="sm" aria-label={t('placements.historyLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('placements.place')}</Table.Th>
                  <Table.Th scope="col">{t('placements.from')}</Table.Th>
                  <Table.Th scope="col">{t('placements.to')}</Table.Th>
                  <Table.Th scope="col">{t('placements.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {placements.data.placements.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <PersonName name={p.place.name} />
                    </Table.Td>
                    <Table.Td>{formatCalendarDate(p.startOn, language)}</Table.Td>
                    <Table.Td>
                      {p.endOn ? formatCalendarDate(p.endOn, language) : '—'}
                      {p.endReason ? (
                        <Text size="xs" c="dimmed" aria-label={t('placements.endReason')}>
                          <bdi dir="auto">{p.endReason}</bdi>
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <bdi dir="auto">{p.reason}</bdi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      )}
      <Modal opened={placing} onClose={() => setPlacing(false)} title={t('placements.dialogTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {placing ? <PlacementForm personId={personId} currentPlaceId={current?.place.id ?? null} onDone={() => setPlacing(false)} /> : null}
      </Modal>
      {current && ending ? <EndPlacementDialog personId={personId} placementId={current.id} placeName={current.place.name} startOn={current.startOn} onClose={() => setEnding(false)} /> : null}
    </Card>
  );
}

function PlacementForm({ personId, currentPlaceId, onDone }: { personId: string; currentPlaceId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const places = usePlacesQuery();
  const record = useRecordPlacementMutation(personId);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [startOn, setStartOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = recordPlacementRequestSchema.safeParse({ placeId, startOn, reason });
    if (!parsed.success) return setError(t('placements.validation'));
    setError(null);
    record.mutate(parsed.data, {
      onSuccess: (result) => {
        notify('success', t('placements.done', { place: result.placement.place.name }));
        for (const warning of result.warnings) notify('info', warning.code === 'over_capacity' ? t('placements.overCapacity') : warning.message);
        onDone();
      },
    });
  };

  const options = (places.data ?? [])
    .filter((p) => p.id !== currentPlaceId)
    .map((p) => ({
      value: p.id,
      label: `${p.name} — ${labels.placeKind(p.kind)} (${p.capacity === null ? p.occupancy : `${p.occupancy}/${p.capacity}`})`,
    }));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {places.isError ? <ErrorAlert error={places.error} /> : null}
        {places.isSuccess && options.length === 0 ? <Text size="sm">{t('placements.noPlaces')}</Text> : null}
        <Select
          label={t('placements.place')}
          data={options}
          value={placeId}
          onChange={setPlaceId}
          searchable
          withAsterisk
          nothingFoundMessage={t('placements.noPlaces')}
          data-autofocus
        />
        <TextInput label={t('placements.from')} type="date" value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} withAsterisk dir="ltr" />
        <Textarea label={t('placements.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk autosize minRows={2} maxLength={2000} dir="auto" />
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        ) : null}
        {record.isError ? <ErrorAlert error={record.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Ends the current placement on a chosen day (today by default, never before it began); the stay stays in the history. */
function EndPlacementDialog({ personId, placementId, placeName, startOn, onClose }: { personId: string; placementId: string; placeName: string; startOn: string; onClose: () => void }) {
  const { t } = useTranslation();
  const end = useEndPlacementMutation(personId);
  const [endOn, setEndOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  return (
    <ConfirmDialog
      opened
      title={t('placementEnd.title', { place: placeName })}
      body={t('placementEnd.body')}
      confirmLabel={t('placementEnd.confirm')}
      loading={end.isPending}
      confirmDisabled={reason.trim() === ''}
      onClose={onClose}
      onConfirm={() =>
        end.mutate(
          { placementId, endOn, reason: reason.trim() },
          {
            onSuccess: () => {
              notify('success', t('placementEnd.done'));
              onClose();
            },
          },
        )
      }
    >
      <TextInput label={t('placementEnd.endOn')} type="date" value={endOn} min={startOn} onChange={(e) => setEndOn(e.currentTarget.value)} dir="ltr" data-autofocus />
      <Textarea label={t('placementEnd.reason')} description={t('placementEnd.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} maxLength={2000} />
      {end.isError ? <ErrorAlert error={end.error} /> : null}
    </ConfirmDialog>
  );
}
