import { createPlaceRequestSchema } from '@homeward/domain';
import type { PlaceKind, PlaceView } from '@homeward/domain';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, isOneOf, optionsOf, useLabels } from '../registry/labels';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { useCreatePlaceMutation, useUpdatePlaceMutation } from './places.queries';

/**
 * Registers a place of the mission (a shelter, orphanage, camp, prison, hospital…) with its capacity, or,
 * given `place`, changes the facts about one.
 */
export function PlaceFormModal({ opened, place = null, onClose }: { opened: boolean; place?: PlaceView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={place ? t('placeEdit.title') : t('places.form.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <PlaceForm key={place?.id ?? 'new'} place={place} onDone={onClose} /> : null}
    </Modal>
  );
}

function PlaceForm({ place, onDone }: { place: PlaceView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const create = useCreatePlaceMutation();
  const update = useUpdatePlaceMutation(place?.id ?? '');
  const mutation = place ? update : create;
  const [kind, setKind] = useState<PlaceKind>(place?.kind ?? 'shelter');
  const [name, setName] = useState(place?.name ?? '');
  const [city, setCity] = useState(place?.city ?? '');
  const [country, setCountry] = useState(place ? (place.country ?? '') : 'IQ');
  const [capacity, setCapacity] = useState<number | ''>(place?.capacity ?? '');
  const [contact, setContact] = useState(place?.contact ?? '');
  const [visitRules, setVisitRules] = useState(place?.visitRules ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createPlaceRequestSchema.safeParse({
      kind,
      name,
      city,
      country: country.trim().toUpperCase() || null,
      capacity: capacity === '' ? null : capacity,
      contact,
      visitRules,
    });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      return setProblem(field === 'country' ? t('places.form.countryInvalid') : field === 'capacity' ? t('places.form.capacityInvalid') : t('places.form.nameRequired'));
    }
    setProblem(null);
    const onSuccess = (saved: PlaceView) => {
      notify('success', place ? t('placeEdit.done', { name: saved.name }) : t('places.form.done', { name: saved.name }));
      onDone();
    };
    // The create schema turns empty text into null; the same body is a complete change of an existing place.
    if (place) update.mutate(parsed.data, { onSuccess });
    else create.mutate(parsed.data, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('places.form.kind')}
            data={optionsOf(PLACE_KINDS, labels.placeKind)}
            value={kind}
            onChange={(v) => v && isOneOf(PLACE_KINDS, v) && setKind(v)}
            allowDeselect={false}
            withAsterisk
          />
          <TextInput label={t('places.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} withAsterisk dir="auto" data-autofocus />
          <TextInput label={t('places.form.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} maxLength={120} dir="auto" />
          <TextInput label={t('places.form.country')} description={t('places.form.countryHint')} value={country} onChange={(e) => setCountry(e.currentTarget.value)} maxLength={2} dir="ltr" />
          <NumberInput label={t('places.form.capacity')} value={capacity} onChange={(v) => setCapacity(typeof v === 'number' ? v : '')} min={0} max={100_000} allowDecimal={false} />
        </SimpleGrid>
        <Textarea label={t('places.form.contact')} description={t('places.form.contactHint')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} autosize minRows={2} maxLength={2000} dir="auto" />
        <Textarea label={t('places.form.visitRules')} value={visitRules} onChange={(e) => setVisitRules(e.currentTarget.value)} autosize minRows={2} maxLength={2000} dir="auto" />
        {problem ? (
          <Text size="sm" c="red.9" role="alert">
            {problem}
          </Text>
        ) : null}
        {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {place ? t('placeEdit.submit') : t('places.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
