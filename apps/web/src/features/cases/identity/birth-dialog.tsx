import type { BirthView } from '@homeward/domain';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';
import { BirthFields, birthInputOf, emptyBirth } from '../../registry/birth-fields';
import type { BirthDraft } from '../../registry/birth-fields';
import { AGE_METHODS, SOURCES, isOneOf } from '../../registry/labels';
import { useRecordBirthMutation } from '../../registry/registry.queries';

function draftFrom(birth: BirthView | null): BirthDraft {
  const base = emptyBirth('estimate');
  if (!birth) return base;
  return {
    ...base,
    mode: birth.date ? 'date' : 'estimate',
    date: birth.date ?? '',
    years: birth.estimatedAge?.years ?? '',
    on: birth.estimatedAge?.on ?? base.on,
    method: birth.estimatedAge && isOneOf(AGE_METHODS, birth.estimatedAge.method) ? birth.estimatedAge.method : base.method,
    place: birth.place ?? '',
    source: isOneOf(SOURCES, birth.source) ? birth.source : base.source,
  };
}

/** Records what is known of a birth now; the previous version stays in the history. */
export function BirthDialog({ personId, current, opened, onClose }: { personId: string; current: BirthView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('identity.recordBirth')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <BirthForm personId={personId} current={current} onDone={onClose} /> : null}
    </Modal>
  );
}

function BirthForm({ personId, current, onDone }: { personId: string; current: BirthView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordBirthMutation(personId);
  const [draft, setDraft] = useState(() => draftFrom(current));
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = birthInputOf(draft);
    if (body === null || body === 'invalid') return setError(t(draft.mode === 'date' ? 'registry.validation.date' : 'registry.validation.age'));
    setError(undefined);
    record.mutate(body, {
      onSuccess: () => {
        notify('success', t('identity.done.birth'));
        onDone();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <BirthFields value={draft} onChange={setDraft} error={error} allowUnknown={false} />
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
