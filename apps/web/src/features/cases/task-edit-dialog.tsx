import type { CaseDetail } from '@homeward/domain';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectoryQuery } from '../users/directory';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { useUpdateTaskMutation } from './cases.queries';
import type { TaskChange } from './cases.queries';

type Task = CaseDetail['tasks'][number];

/** Reschedules a task or gives it to a colleague of the mission (or to nobody). */
export function TaskEditDialog({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={task !== null} onClose={onClose} title={t('taskEdit.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {task ? <TaskEditForm key={task.id} task={task} onDone={onClose} /> : null}
    </Modal>
  );
}

function TaskEditForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const directory = useDirectoryQuery();
  const update = useUpdateTaskMutation();
  const [assigneeId, setAssigneeId] = useState<string | null>(task.assigneeId);
  const [dueOn, setDueOn] = useState(task.dueOn ?? '');
  // Disabled accounts are not offered, except the one the task already has.
  const options = (directory.data ?? [])
    .filter((u) => !u.disabled || u.id === task.assigneeId)
    .map((u) => ({ value: u.id, label: u.disabled ? t('directory.disabled', { name: u.displayName }) : u.displayName }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const change: TaskChange = {};
    if (assigneeId !== task.assigneeId) change.assigneeId = assigneeId;
    if ((dueOn || null) !== task.dueOn) change.dueOn = dueOn || null;
    if (Object.keys(change).length === 0) return onDone();
    update.mutate(
      { id: task.id, change },
      {
        onSuccess: () => {
          notify('success', t('taskEdit.done'));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Select
          label={t('taskEdit.assignee')}
          data={options}
          value={assigneeId}
          onChange={setAssigneeId}
          placeholder={t('directory.nobody')}
          clearable
          searchable
          data-autofocus
        />
        <TextInput label={t('taskEdit.due')} description={t('taskEdit.noDue')} type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} dir="ltr" />
        {directory.isError ? <ErrorAlert error={directory.error} /> : null}
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
