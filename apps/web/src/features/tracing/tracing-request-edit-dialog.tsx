import { updateTracingRequestSchema } from '@homeward/domain';
import type { TracingRequestView } from '@homeward/domain';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partialDateSchema } from '@homeward/domain/person-record';
import { isOneOf, optionsOf } from '../registry/labels';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { REQUESTER_RELATIONSHIPS, useTracingLabels } from './tracing-labels';
import { useUpdateTracingRequestMutation } from './tracing.queries';


/**
 * Change what the relative told us about themselves and the family: name, relationship, contact, district,
 * when the family left, documents, notes. A new district or date is recorded on the sought people too.
 */
export function TracingRequestEditDialog({ request, opened, onClose }: { request: TracingRequestView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const update = useUpdateTracingRequestMutation(request.id);
  const [name, setName] = useState(request.requester.name);
  const [relationship, setRelationship] = useState(request.requester.relationship);
  const [contact, setContact] = useState(request.requester.contact ?? '');
  const [district, setDistrict] = useState(request.district ?? '');
  const [leftOn, setLeftOn] = useState(request.familyLeftOn ?? '');
  const [documents, setDocuments] = useState(request.documents.map((d) => d.description).join('\n'));
  const [notes, setNotes] = useState(request.notes ?? '');
  const [attempted, setAttempted] = useState(false);
  const nameMissing = !name.trim();
  const leftOnInvalid = Boolean(leftOn.trim()) && !partialDateSchema.safeParse(leftOn.trim()).success;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (nameMissing || leftOnInvalid) return;
    // Only what changed is sent: an unchanged district or date is not recorded again on the sought people.
    const documentList = documents
      .split('\n')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((description) => ({ description }));
    const requester = {
      ...(name.trim() !== request.requester.name ? { name } : {}),
      ...(relationship !== request.requester.relationship && isOneOf(REQUESTER_RELATIONSHIPS, relationship) ? { relationship } : {}),
      // Contact details are sent only by those who may see them (and so may have changed them).
      ...(request.requester.contact !== undefined && contact.trim() !== (request.requester.contact ?? '') ? { contact } : {}),
    };
    const change = {
      ...(Object.keys(requester).length > 0 ? { requester } : {}),
      ...(district.trim() !== (request.district ?? '') ? { district } : {}),
      ...(leftOn.trim() !== (request.familyLeftOn ?? '') ? { familyLeftOn: leftOn.trim() || null } : {}),
      ...(JSON.stringify(documentList) !== JSON.stringify(request.documents) ? { documents: documentList } : {}),
      ...(request.notes !== undefined && notes.trim() !== (request.notes ?? '') ? { notes } : {}),
    };
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    const parsed = updateTracingRequestSchema.safeParse(change);
    if (!parsed.success) return;
    update.mutate(parsed.data, {
      onSuccess: () => {
        notify('success', t('tracing.edit.saved'));
        onClose();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('tracing.edit.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate aria-label={t('tracing.edit.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('tracing.form.requesterName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={attempted && nameMissing ? t('tracing.form.nameRequired') : undefined}
              withAsterisk
              dir="auto"
              maxLength={200}
              data-autofocus
            />
            <Select
              label={t('tracing.form.requesterRelationship')}
              data={optionsOf(REQUESTER_RELATIONSHIPS, labels.requester)}
              value={relationship}
              onChange={(v) => v && setRelationship(v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {request.requester.contact !== undefined ? (
            <TextInput label={t('tracing.form.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} dir="auto" maxLength={300} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('tracing.form.district')} value={district} onChange={(e) => setDistrict(e.currentTarget.value)} dir="auto" maxLength={120} />
            <TextInput
              label={t('tracing.form.leftOn')}
              description={t('tracing.form.leftOnHint')}
              value={leftOn}
              onChange={(e) => setLeftOn(e.currentTarget.value)}
              error={attempted && leftOnInvalid ? t('tracing.form.leftOnInvalid') : undefined}
              dir="ltr"
              maxLength={10}
            />
          </SimpleGrid>
          <Textarea label={t('tracing.form.documents')} description={t('tracing.form.documentsHint')} value={documents} onChange={(e) => setDocuments(e.currentTarget.value)} autosize minRows={2} dir="auto" />
          {request.notes !== undefined ? (
            <Textarea label={t('tracing.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} dir="auto" maxLength={5000} />
          ) : null}
          {update.isError ? <ErrorAlert error={update.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
