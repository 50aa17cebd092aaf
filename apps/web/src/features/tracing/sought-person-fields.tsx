import { PHOTO_MAX_BYTES } from '@homeward/domain';
import type { NameInput, SoughtPersonInput } from '@homeward/domain';
import { Button, Card, FileInput, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BirthFields, birthInputOf, emptyBirth } from '../registry/birth-fields';
import type { BirthDraft } from '../registry/birth-fields';
import { SEXES, isOneOf, optionsOf, useLabels } from '../registry/labels';
import type { Sex } from '../registry/labels';
import { readAsBase64 } from '../registry/read-file';
import { SOUGHT_RELATIONSHIPS, useTracingLabels } from './tracing-labels';
import type { SoughtRelationship } from './tracing-labels';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** One sought person as typed: a name in parts (any script), birth as known, the parents' names, photos. */
export interface SoughtDraft {
  relationship: SoughtRelationship | null;
  sex: Sex;
  given: string;
  father: string;
  grandfather: string;
  family: string;
  birth: BirthDraft;
  motherGiven: string;
  motherFamily: string;
  fatherGiven: string;
  fatherFamily: string;
  photos: File[];
}

export function emptySought(): SoughtDraft {
  return {
    relationship: null,
    sex: 'U',
    given: '',
    father: '',
    grandfather: '',
    family: '',
    birth: { ...emptyBirth('unknown'), source: 'relative' },
    motherGiven: '',
    motherFamily: '',
    fatherGiven: '',
    fatherFamily: '',
    photos: [],
  };
}

/** What is wrong with a sought person's draft, field by field (message keys resolved by the caller). */
export interface SoughtErrors {
  relationship?: true;
  name?: true;
  birth?: 'date' | 'age';
  photos?: true;
}

const clean = (v: string) => v.trim();

function parentOf(given: string, family: string) {
  if (!clean(given) && !clean(family)) return null;
  const name: NameInput = { given: clean(given) || null, family: clean(family) || null, father: null, grandfather: null, full: null, kind: 'reported', source: 'relative', confidence: 'medium' };
  return { names: [name] };
}

/** What keeps a sought person's draft from being sent, field by field (empty when nothing does). */
export function soughtErrorsOf(draft: SoughtDraft): SoughtErrors {
  const errors: SoughtErrors = {};
  if (!draft.relationship) errors.relationship = true;
  if (![draft.given, draft.father, draft.grandfather, draft.family].some((p) => clean(p))) errors.name = true;
  if (birthInputOf(draft.birth) === 'invalid') errors.birth = draft.birth.mode === 'date' ? 'date' : 'age';
  if (draft.photos.some((f) => f.size > PHOTO_MAX_BYTES)) errors.photos = true;
  return errors;
}

/**
 * The draft as the API takes it, or null when it has errors. Photos are read here (the only asynchronous
 * part), after the size check, so nothing too large is ever read or sent.
 */
export async function soughtInputOf(draft: SoughtDraft): Promise<SoughtPersonInput | null> {
  const birth = birthInputOf(draft.birth);
  if (Object.keys(soughtErrorsOf(draft)).length > 0 || !draft.relationship || birth === 'invalid') return null;
  const photos = await Promise.all(
    draft.photos.map(async (file) => ({
      contentType: isOneOf(PHOTO_TYPES, file.type) ? file.type : 'image/jpeg',
      dataBase64: await readAsBase64(file),
      source: 'relative' as const,
    })),
  );
  return {
    relationshipToRequester: draft.relationship,
    sex: draft.sex,
    names: [
      {
        given: clean(draft.given) || null,
        father: clean(draft.father) || null,
        grandfather: clean(draft.grandfather) || null,
        family: clean(draft.family) || null,
        full: null,
        kind: 'reported',
        source: 'relative',
        confidence: 'medium',
      },
    ],
    birth,
    mother: parentOf(draft.motherGiven, draft.motherFamily),
    father: parentOf(draft.fatherGiven, draft.fatherFamily),
    photos,
  };
}

/** The card of one sought person in the new-request form. */
export function SoughtPersonFields({
  index,
  value,
  onChange,
  onRemove,
  errors,
}: {
  index: number;
  value: SoughtDraft;
  onChange: (draft: SoughtDraft) => void;
  onRemove: (() => void) | null;
  errors: SoughtErrors;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const tracingLabels = useTracingLabels();
  const sexLabelId = useId();
  const set = <K extends keyof SoughtDraft>(key: K, v: SoughtDraft[K]) => onChange({ ...value, [key]: v });
  const n = index + 1;
  const part = (key: 'given' | 'father' | 'grandfather' | 'family') => (
    <TextInput
      label={`${t(`registry.nameParts.${key}`)} (${n})`}
      value={value[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={key === 'given' && errors.name ? t('tracing.form.nameRequired') : undefined}
      dir="auto"
      autoComplete="off"
      spellCheck={false}
      maxLength={200}
    />
  );
  const parent = (which: 'mother' | 'father') => {
    const title = t(`tracing.form.${which}`);
    const givenKey = which === 'mother' ? 'motherGiven' : 'fatherGiven';
    const familyKey = which === 'mother' ? 'motherFamily' : 'fatherFamily';
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={`${t('tracing.form.parentGiven', { parent: title })} (${n})`}
          value={value[givenKey]}
          onChange={(e) => set(givenKey, e.currentTarget.value)}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
        />
        <TextInput
          label={`${t('tracing.form.parentFamily', { parent: title })} (${n})`}
          value={value[familyKey]}
          onChange={(e) => set(familyKey, e.currentTarget.value)}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
        />
      </SimpleGrid>
    );
  };
  return (
    <Card withBorder padding="lg" data-testid={`sought-${n}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('tracing.form.sought', { n })}
        </Title>
        {onRemove ? (
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
            {t('tracing.form.removeSought', { n })}
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        <Group gap="lg" align="flex-end">
          <Select
            label={`${t('tracing.form.soughtRelationship')} (${n})`}
            data={optionsOf(SOUGHT_RELATIONSHIPS, tracingLabels.sought)}
            value={value.relationship}
            onChange={(v) => set('relationship', v && isOneOf(SOUGHT_RELATIONSHIPS, v) ? v : null)}
            error={errors.relationship ? t('tracing.form.relationshipRequired') : undefined}
            withAsterisk
            w={300}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id={sexLabelId}>
              {t('tracing.form.sex')} ({n})
            </Text>
            <SegmentedControl
              aria-labelledby={sexLabelId}
              data={SEXES.map((s) => ({ value: s, label: labels.sex(s) }))}
              value={value.sex}
              onChange={(v) => isOneOf(SEXES, v) && set('sex', v)}
            />
          </div>
        </Group>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('tracing.form.name')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {part('given')}
            {part('father')}
            {part('grandfather')}
            {part('family')}
          </SimpleGrid>
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('tracing.form.birth')}
          </Title>
          <BirthFields value={value.birth} onChange={(b) => set('birth', b)} error={errors.birth ? t(`registry.validation.${errors.birth}`) : undefined} />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('tracing.request.parents')}
          </Title>
          <Stack gap="sm">
            {parent('mother')}
            {parent('father')}
          </Stack>
        </div>
        <FileInput
          label={`${t('tracing.form.photos')} (${n})`}
          description={t('tracing.form.photosHint')}
          accept={PHOTO_TYPES.join(',')}
          multiple
          value={value.photos}
          onChange={(files) => set('photos', files)}
          error={errors.photos ? t('tracing.form.photoTooLarge') : undefined}
          clearable
          clearButtonProps={{ 'aria-label': t('fileInput.clear') }}
        />
      </Stack>
    </Card>
  );
}
