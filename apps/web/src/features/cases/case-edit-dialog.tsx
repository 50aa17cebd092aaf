import type { CaseDetail } from '@homeward/domain';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseFields } from '../registration/case-fields';
import type { CaseDraft } from '../registration/case-fields';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { useUpdateCaseMutation } from './cases.queries';

/** Changes how urgent a case is and what it is flagged with; the kind of an open case stays. */
export function CaseEditDialog({ opened, detail, onClose }: { opened: boolean; detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('caseEdit.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <CaseEditForm detail={detail} onDone={onClose} /> : null}
    </Modal>
  );
}

function CaseEditForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const c = detail.case;
  const update = useUpdateCaseMutation(c.id);
  const [draft, setDraft] = useState<CaseDraft>({ kind: c.kind, priority: c.priority, flags: c.flags });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const flagsChanged = [...draft.flags].sort().join() !== [...c.flags].sort().join();
    if (draft.priority === c.priority && !flagsChanged) return onDone();
    update.mutate(
      { ...(draft.priority !== c.priority ? { priority: draft.priority } : {}), ...(flagsChanged ? { flags: draft.flags } : {}) },
      {
        onSuccess: () => {
          notify('success', t('caseEdit.done'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <CaseFields value={draft} onChange={setDraft} withKind={false} />
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
