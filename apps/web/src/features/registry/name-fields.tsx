import { nameInputSchema } from '@homeward/domain';
import type { NameInput, NameView } from '@homeward/domain';
import { Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Confidence, NameKind, Source } from './labels';
import { CONFIDENCES, NAME_KINDS, SOURCES, isOneOf, optionsOf, useLabels } from './labels';

/** A name as typed in a form: every part optional, but at least one needed. */
export interface NameDraft {
  given: string;
  father: string;
  grandfather: string;
  family: string;
  full: string;
  kind: NameKind;
  source: Source;
  confidence: Confidence;
}

export function emptyName(source: Source = 'child_statement'): NameDraft {
  return { given: '', father: '', grandfather: '', family: '', full: '', kind: 'reported', source, confidence: 'medium' };
}

/** A recorded name as the starting point of a correction. */
export function draftOf(name: NameView): NameDraft {
  return {
    given: name.given ?? '',
    father: name.father ?? '',
    grandfather: name.grandfather ?? '',
    family: name.family ?? '',
    full: name.full ?? '',
    kind: isOneOf(NAME_KINDS, name.kind) ? name.kind : 'reported',
    source: isOneOf(SOURCES, name.source) ? name.source : 'officer',
    confidence: isOneOf(CONFIDENCES, name.confidence) ? name.confidence : 'medium',
  };
}

/** The draft checked against the shared schema; null when no part is filled in. The server detects the script. */
export function nameInputOf(draft: NameDraft): NameInput | null {
  const parsed = nameInputSchema.safeParse({
    given: draft.given,
    father: draft.father,
    grandfather: draft.grandfather,
    family: draft.family,
    full: draft.full,
    kind: draft.kind,
    source: draft.source,
    confidence: draft.confidence,
  });
  return parsed.success ? parsed.data : null;
}

/** The parts of one name, with its kind, source and confidence. Each part takes any script. */
export function NameFields({
  value,
  onChange,
  error,
  autoFocus = false,
  index,
}: {
  value: NameDraft;
  onChange: (draft: NameDraft) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  /** The name's number in a list of several, for the labels of screen readers. */
  index?: number;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const set = <K extends keyof NameDraft>(key: K, v: NameDraft[K]) => onChange({ ...value, [key]: v });
  const suffix = index === undefined ? '' : ` (${index + 1})`;
  const part = (key: 'given' | 'father' | 'grandfather' | 'family' | 'full') => (
    <TextInput
      label={`${t(`registry.nameParts.${key}`)}${suffix}`}
      value={value[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={key === 'given' ? error : undefined}
      dir="auto"
      autoComplete="off"
      spellCheck={false}
      maxLength={key === 'full' ? 300 : 200}
      data-autofocus={autoFocus && key === 'given' ? true : undefined}
    />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {part('given')}
        {part('father')}
        {part('grandfather')}
        {part('family')}
      </SimpleGrid>
      {part('full')}
      <Group grow gap="sm" align="flex-start">
        <Select
          label={`${t('registry.nameKind')}${suffix}`}
          data={optionsOf(NAME_KINDS, labels.nameKind)}
          value={value.kind}
          onChange={(v) => v && isOneOf(NAME_KINDS, v) && set('kind', v)}
          allowDeselect={false}
        />
        <Select
          label={`${t('registry.source')}${suffix}`}
          data={optionsOf(SOURCES, labels.source)}
          value={value.source}
          onChange={(v) => v && isOneOf(SOURCES, v) && set('source', v)}
          allowDeselect={false}
        />
        <Select
          label={`${t('registry.confidence')}${suffix}`}
          data={optionsOf(CONFIDENCES, labels.confidence)}
          value={value.confidence}
          onChange={(v) => v && isOneOf(CONFIDENCES, v) && set('confidence', v)}
          allowDeselect={false}
        />
      </Group>
    </>
  );
}
