import type { PersonRecord } from '@homeward/domain';
import { PHOTO_MAX_BYTES } from '@homeward/domain';
import { Button, FileInput, Group, Image, Loader, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCamera, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatMegabytes } from '../../../i18n/format';
import type { Source } from '../../registry/labels';
import { SOURCES, isOneOf, optionsOf, useLabels } from '../../registry/labels';
import { readAsBase64 } from '../../registry/read-file';
import { useAddPhotoMutation, usePhotoQuery } from '../../registry/registry.queries';
import type { PhotoUpload } from '../../registry/registry.queries';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';

type Photo = PersonRecord['photos'][number];
const TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One photo: fetched as a Blob with the session cookie and shown through an object URL (the CSP allows blob:). */
function PhotoImage({ personId, photo }: { personId: string; photo: Photo }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const image = usePhotoQuery(personId, photo.id);
  const [url, setUrl] = useState<string | null>(null);
  const language = i18n.resolvedLanguage ?? 'en';
  useEffect(() => {
    if (!image.data) return undefined;
    const objectUrl = URL.createObjectURL(image.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [image.data]);
  const taken = photo.takenOn ? formatCalendarDate(photo.takenOn, language) : null;
  return (
    <figure style={{ margin: 0 }}>
      {image.isError ? (
        <Text size="xs" c="red.9">
          {t('photos.unreadable')}
        </Text>
      ) : url ? (
        <Image src={url} alt={taken ? t('photos.alt', { date: taken }) : t('photos.altUndated')} radius="sm" h={160} w="auto" fit="contain" data-testid="person-photo" />
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      <Text component="figcaption" size="xs" c="dimmed">
        {taken ? `${t('photos.taken', { date: taken })} · ` : ''}
        {labels.source(photo.source)}
      </Text>
    </figure>
  );
}

/**
 * The identification photos of a person: the newest shown, the others on request (each image read is
 * audited, so none is fetched that nobody looks at); and the upload of a new one.
 */
export function PhotosSection({ person, canEdit }: { person: PersonRecord; canEdit: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const photos = [...person.photos].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const shown = all ? photos : photos.slice(0, 1);
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h6">
          {t('photos.title')}
        </Title>
        {canEdit ? (
          <Button size="xs" variant="subtle" leftSection={<IconCamera size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('photos.add')}
          </Button>
        ) : null}
      </Group>
      {photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('photos.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {shown.map((photo) => (
              <PhotoImage key={photo.id} personId={person.id} photo={photo} />
            ))}
          </SimpleGrid>
          {!all && photos.length > 1 ? (
            <Group>
              <Button size="xs" variant="default" leftSection={<IconPhoto size={14} aria-hidden />} onClick={() => setAll(true)}>
                {t('photos.showAll', { n: photos.length })}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('photos.add')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        {adding ? <PhotoForm personId={person.id} onDone={() => setAdding(false)} /> : null}
      </Modal>
    </div>
  );
}

function PhotoForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const add = useAddPhotoMutation(personId);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<Source>('officer');
  const [takenOn, setTakenOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setProblem(t('photos.choose'));
    const contentType = TYPES.find((type) => type === file.type);
    if (!contentType) return setProblem(t('photos.wrongType'));
    if (file.size > PHOTO_MAX_BYTES) return setProblem(t('photos.tooBig', { size: formatMegabytes(file.size, i18n.resolvedLanguage ?? 'en') }));
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      return setProblem(t('photos.unreadable'));
    }
    setProblem(null);
    const body: PhotoUpload = { contentType, dataBase64, source, takenOn: takenOn || null };
    add.mutate(body, {
      onSuccess: () => {
        notify('success', t('photos.done'));
        onDone();
      },
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack>
        <FileInput label={t('photos.file')} accept={TYPES.join(',')} value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('fileInput.clear') }} withAsterisk data-autofocus />
        <Select label={t('registry.source')} data={optionsOf(SOURCES, labels.source)} value={source} onChange={(v) => v && isOneOf(SOURCES, v) && setSource(v)} allowDeselect={false} />
        <TextInput label={t('photos.takenOn')} type="date" value={takenOn} onChange={(e) => setTakenOn(e.currentTarget.value)} dir="ltr" />
        {problem ? (
          <Text size="sm" c="red.9" role="alert">
            {problem}
          </Text>
        ) : null}
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
