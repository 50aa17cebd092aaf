import type { CaseDetail, FieldCategory } from '@homeward/domain';
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useCan, useSession } from '../auth/session-context';
import { FIELD_CATEGORIES, isOneOf, useLabels } from '../registry/labels';
import { ErrorAlert } from '../shell/error-alert';
import { useUserNameText } from '../users/user-name';
import { useAddNoteMutation } from './cases.queries';

/**
 * Notes of a case. The list is what the server returned for this role (a medical note never reaches a
 * caseworker); a new note may go only into a category the role may write.
 */
export function NotesPanel({ caseId, notes }: { caseId: string; notes: CaseDetail['notes'] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const session = useSession();
  const add = useAddNoteMutation(caseId);
  const writable = FIELD_CATEGORIES.filter((c) => session.writableCategories.includes(c));
  const [category, setCategory] = useState<FieldCategory | null>(writable.includes('notes') ? 'notes' : (writable[0] ?? null));
  const [body, setBody] = useState('');
  const language = i18n.resolvedLanguage ?? 'en';
  const nameOf = useUserNameText();
  const canWrite = can('case.update') && writable.length > 0;

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!category || !body.trim()) return;
    add.mutate({ category, body: body.trim() }, { onSuccess: () => setBody('') });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h4" mb="sm" id="notes-title">
        {t('notes.title')}
      </Title>
      <Stack gap="sm">
        {canWrite ? (
          <form onSubmit={onAdd}>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <Select
                  label={t('notes.category')}
                  data={writable.map((c) => ({ value: c, label: labels.category(c) }))}
                  value={category}
                  onChange={(v) => setCategory(v && isOneOf(FIELD_CATEGORIES, v) ? v : null)}
                  allowDeselect={false}
                />
              </Group>
              <Textarea label={t('notes.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} dir="auto" />
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={add.isPending} disabled={!body.trim()}>
                  {t('notes.add')}
                </Button>
              </Group>
              {add.isError ? <ErrorAlert error={add.error} /> : null}
            </Stack>
          </form>
        ) : null}
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        ) : (
          notes.map((note) => (
            <div key={note.id}>
              <Group gap="xs">
                <Badge size="sm" variant="light" tt="none">
                  {labels.category(note.category)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(note.createdAt, language)}
                  {note.authorId && nameOf(note.authorId) ? (
                    <>
                      {' · '}
                      <Trans i18nKey="notesBy.author" values={{ name: nameOf(note.authorId) }} components={{ bdi: <bdi dir="auto" /> }} />
                    </>
                  ) : null}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {note.body}
              </Text>
            </div>
          ))
        )}
      </Stack>
    </Card>
  );
}
