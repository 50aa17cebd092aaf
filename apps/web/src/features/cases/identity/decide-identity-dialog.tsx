import type { PersonRecord } from '@homeward/domain';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';
import { nameTextOf } from '../../registry/person-text';
import { useDecideIdentityMutation } from '../../registry/registry.queries';

/** A supervisor records who this person is: the name and birth confirmed, the parents, and the evidence. */
export function DecideIdentityDialog({ person, opened, onClose }: { person: PersonRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('identity.decide.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <DecideForm person={person} onDone={onClose} /> : null}
    </Modal>
  );
}

function DecideForm({ person, onDone }: { person: PersonRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideIdentityMutation(person.id);
  const [nameId, setNameId] = useState<string | null>(person.names[0]?.id ?? null);
  const [confirmBirth, setConfirmBirth] = useState<string | null>(person.birth ? 'yes' : null);
  const mothers = person.relationships.filter((r) => r.kind === 'mother');
  const fathers = person.relationships.filter((r) => r.kind === 'father');
  const [motherId, setMotherId] = useState<string | null>(mothers[0]?.relatedPersonId ?? null);
  const [fatherId, setFatherId] = useState<string | null>(fathers[0]?.relatedPersonId ?? null);
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const items = evidence
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (items.length === 0) return setError(t('identity.validation.evidence'));
    setError(undefined);
    decide.mutate(
      {
        confirmedNameId: nameId,
        confirmedBirthId: confirmBirth === 'yes' && person.birth ? person.birth.id : null,
        motherId,
        fatherId,
        evidence: items,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          notify('success', t('identity.done.decided'));
          onDone();
        },
      },
    );
  };

  const relativeOptions = (list: typeof mothers) => list.map((r) => ({ value: r.relatedPersonId, label: r.relatedDisplayName ?? r.relatedPersonId }));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Select
          label={t('identity.decide.confirmedName')}
          data={person.names.map((n) => ({ value: n.id, label: nameTextOf(n) }))}
          value={nameId}
          onChange={setNameId}
          clearable
        />
        {person.birth ? (
          <Select
            label={t('identity.decide.confirmBirth')}
            data={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
            value={confirmBirth}
            onChange={setConfirmBirth}
          />
        ) : null}
        {mothers.length ? <Select label={t('identity.decide.mother')} data={relativeOptions(mothers)} value={motherId} onChange={setMotherId} clearable /> : null}
        {fathers.length ? <Select label={t('identity.decide.father')} data={relativeOptions(fathers)} value={fatherId} onChange={setFatherId} clearable /> : null}
        <Textarea
          label={t('identity.decide.evidence')}
          description={t('identity.decide.evidenceHint')}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          withAsterisk
          dir="auto"
        />
        <Textarea label={t('identity.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} dir="auto" />
        {decide.isError ? <ErrorAlert error={decide.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={decide.isPending}>
            {t('identity.decide.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
