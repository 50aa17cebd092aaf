import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { RelationshipKind } from '@homeward/domain';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';
import type { PersonCandidate } from '../../registry/candidate-list';
import type { EvidenceLevel, Source } from '../../registry/labels';
import { EVIDENCE_LEVELS, RELATIONSHIP_KINDS, SOURCES, isOneOf, optionsOf, useLabels } from '../../registry/labels';
import { PersonPicker } from '../../registry/person-picker';
import { useLinkRelativeMutation } from '../../registry/registry.queries';

/** Links a relative found in the registry: what they are to this person, on what evidence, from which source. */
export function LinkRelativeDialog({ personId, opened, onClose }: { personId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('identity.linkRelative')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <LinkForm personId={personId} onDone={onClose} /> : null}
    </Modal>
  );
}

function LinkForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const link = useLinkRelativeMutation(personId);
  const [relative, setRelative] = useState<PersonCandidate | null>(null);
  const [kind, setKind] = useState<RelationshipKind | null>(null);
  const [evidence, setEvidence] = useState<EvidenceLevel>('claimed');
  const [source, setSource] = useState<Source>('child_statement');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ relative?: string; kind?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!relative) next.relative = t('identity.validation.relative');
    if (!kind) next.kind = t('identity.validation.kind');
    setErrors(next);
    if (!relative || !kind) return;
    link.mutate(
      { relatedPersonId: relative.id, kind, evidenceLevel: evidence, source, note: note.trim() || null },
      {
        onSuccess: () => {
          notify('success', t('identity.done.linked'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <PersonPicker label={t('identity.findRelative')} value={relative} onChange={setRelative} excludeId={personId} error={errors.relative} />
        <Select
          label={t('identity.relationKind')}
          description={t('identity.relationKindHint')}
          data={optionsOf(RELATIONSHIP_KINDS, labels.relationship)}
          value={kind}
          onChange={(v) => setKind(v && isOneOf(RELATIONSHIP_KINDS, v) ? v : null)}
          error={errors.kind}
          withAsterisk
          searchable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('identity.evidence')}
            data={optionsOf(EVIDENCE_LEVELS, labels.evidence)}
            value={evidence}
            onChange={(v) => v && isOneOf(EVIDENCE_LEVELS, v) && setEvidence(v)}
            allowDeselect={false}
          />
          <Select
            label={t('registry.source')}
            data={optionsOf(SOURCES, labels.source)}
            value={source}
            onChange={(v) => v && isOneOf(SOURCES, v) && setSource(v)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label={t('identity.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} dir="auto" />
        {link.isError ? <ErrorAlert error={link.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={link.isPending}>
            {t('identity.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
