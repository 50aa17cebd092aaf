import type { CaseDetail } from '@homeward/domain';
import { ActionIcon, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../i18n/format';
import { useCan } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { useUserNameText } from '../users/user-name';
import { useAddTaskMutation, useUpdateTaskMutation } from './cases.queries';
import { TaskEditDialog } from './task-edit-dialog';

/** The tasks of a case: open ones first, overdue ones marked, each with its assignee; add, tick off, reschedule or reassign. */
export function TasksPanel({ caseId, tasks }: { caseId: string; tasks: CaseDetail['tasks'] }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const canEdit = can('case.update');
  const add = useAddTaskMutation(caseId);
  const update = useUpdateTaskMutation();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [editing, setEditing] = useState<CaseDetail['tasks'][number] | null>(null);
  const nameOf = useUserNameText();
  const language = i18n.resolvedLanguage ?? 'en';
  const sorted = [...tasks].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) return;
    add.mutate(
      { title: title.trim(), dueOn: dueOn || null },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tasks-title">
      <Title order={2} size="h4" mb="sm" id="tasks-title">
        {t('tasks.title')}
      </Title>
      <Stack gap="xs" data-testid="case-tasks">
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tasks.empty')}
          </Text>
        ) : (
          sorted.map((task) => (
            <Group key={task.id} gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={task.status !== 'open'}
                disabled={!canEdit || task.status === 'cancelled' || update.isPending}
                onChange={(e) => update.mutate({ id: task.id, change: { status: e.currentTarget.checked ? 'done' : 'open' } })}
                aria-label={t('tasks.complete', { title: task.title })}
                mt={2}
              />
              <div style={{ flex: 1 }}>
                <Text size="sm" td={task.status !== 'open' ? 'line-through' : undefined}>
                  <bdi dir="auto">{task.title}</bdi>
                </Text>
                <Group gap={6}>
                  {task.dueOn ? (
                    <Text size="xs" c={task.overdue ? 'red.9' : 'dimmed'}>
                      {t('tasks.dueOn', { date: formatCalendarDate(task.dueOn, language) })}
                    </Text>
                  ) : null}
                  {task.overdue ? (
                    <Badge size="xs" color="red" variant="filled" tt="none">
                      {t('tasks.overdue')}
                    </Badge>
                  ) : null}
                  {task.status === 'cancelled' ? (
                    <Badge size="xs" color="gray" variant="light" tt="none">
                      {t('tasks.cancelled')}
                    </Badge>
                  ) : null}
                  {task.assigneeId ? (
                    <Text size="xs" c="dimmed" data-testid="task-assignee">
                      <Trans i18nKey="taskEdit.assignedTo" values={{ name: nameOf(task.assigneeId) ?? '…' }} components={{ bdi: <bdi dir="auto" /> }} />
                    </Text>
                  ) : null}
                </Group>
              </div>
              {canEdit && task.status === 'open' ? (
                <Tooltip label={t('taskEdit.title')}>
                  <ActionIcon variant="subtle" color="dark" aria-label={t('taskEdit.edit', { title: task.title })} onClick={() => setEditing(task)}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))
        )}
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        {canEdit ? (
          <form onSubmit={onAdd}>
            <Group align="flex-end" gap="xs" mt="xs">
              <TextInput label={t('tasks.new')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} style={{ flex: 1 }} dir="auto" />
              <TextInput label={t('tasks.due')} type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} dir="ltr" w={160} />
              <Button type="submit" variant="light" loading={add.isPending} leftSection={<IconPlus size={14} aria-hidden />}>
                {t('tasks.add')}
              </Button>
            </Group>
          </form>
        ) : null}
        {add.isError ? <ErrorAlert error={add.error} /> : null}
      </Stack>
      <TaskEditDialog task={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
