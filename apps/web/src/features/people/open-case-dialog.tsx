import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOpenCaseMutation } from '../cases/cases.queries';
import { CaseFields, NEW_CASE } from '../registration/case-fields';
import type { CaseDraft } from '../registration/case-fields';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';

/** Opens a case for a registered person who has none, then goes to it. */
export function OpenCaseDialog({ personId, opened, onClose }: { personId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('person.dialogTitle')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <OpenCaseForm personId={personId} onDone={onClose} /> : null}
    </Modal>
  );
}

function OpenCaseForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCaseMutation();
  const [draft, setDraft] = useState<CaseDraft>(NEW_CASE);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.mutate(
      { personId, ...draft },
      {
        onSuccess: async ({ id }) => {
          notify('success', t('person.done'));
          onDone();
          await navigate(`/cases/${id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <CaseFields value={draft} onChange={setDraft} />
        {open.isError ? <ErrorAlert error={open.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={open.isPending} data-testid="open-case-submit">
            {t('person.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
