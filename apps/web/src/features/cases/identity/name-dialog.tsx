import type { NameView } from '@homeward/domain';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shell/error-alert';
import { notify } from '../../shell/notify';
import { NameFields, draftOf, emptyName, nameInputOf } from '../../registry/name-fields';
import { PersonName, nameTextOf } from '../../registry/person-text';
import { useAddNameMutation, useCorrectNameMutation } from '../../registry/registry.queries';

/** Records another name of a person, or (with `correcting`) a corrected version of one; the old one is kept. */
export function NameDialog({ personId, correcting, opened, onClose }: { personId: string; correcting: NameView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={correcting ? t('identity.correctName') : t('identity.addName')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <NameForm key={correcting?.id ?? 'new'} personId={personId} correcting={correcting} onDone={onClose} /> : null}
    </Modal>
  );
}

function NameForm({ personId, correcting, onDone }: { personId: string; correcting: NameView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddNameMutation(personId);
  const correct = useCorrectNameMutation(personId);
  const mutation = correcting ? correct : add;
  const [draft, setDraft] = useState(correcting ? draftOf(correcting) : emptyName('officer'));
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = nameInputOf(draft);
    if (!body) return setError(t('registry.validation.namePart'));
    setError(undefined);
    const onSuccess = () => {
      notify('success', correcting ? t('identity.done.corrected') : t('identity.done.nameAdded'));
      onDone();
    };
    if (correcting) correct.mutate({ nameId: correcting.id, body }, { onSuccess });
    else add.mutate(body, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {correcting ? (
          <Text size="sm">
            {t('identity.correcting')}: <PersonName name={nameTextOf(correcting)} fw={600} />
            <br />
            {t('identity.correctionKept')}
          </Text>
        ) : null}
        <NameFields value={draft} onChange={setDraft} error={error} autoFocus />
        {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
