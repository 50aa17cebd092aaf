import { createTracingRequestSchema } from '@homeward/domain';
import type { SoughtPersonInput } from '@homeward/domain';
import { Alert, Button, Card, Group, Radio, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partialDateSchema } from '@homeward/domain/person-record';
import { useNavigate } from 'react-router';
import { isOneOf, optionsOf } from '../registry/labels';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { SoughtPersonFields, emptySought, soughtErrorsOf, soughtInputOf } from './sought-person-fields';
import type { SoughtDraft, SoughtErrors } from './sought-person-fields';
import { REQUESTER_RELATIONSHIPS, useTracingLabels } from './tracing-labels';
import type { RequesterRelationship } from './tracing-labels';
import { useCreateTracingRequestMutation } from './tracing.queries';

const MAX_SOUGHT = 20;

interface RequestErrors {
  requesterName?: true;
  requesterRelationship?: true;
  consent?: true;
  leftOn?: true;
  sought: SoughtErrors[];
}

/**
 * The form a family liaison fills in with a relative: who asks and how to reach them, their answer on
 * consent (asked explicitly, never pre-filled), the family's district and departure, the documents they
 * brought, and one card per sought person with the name as the relative knows it, birth, parents and photos.
 */
export function NewTracingRequestPage() {
  const { t } = useTranslation();
  const labels = useTracingLabels();
  const navigate = useNavigate();
  const create = useCreateTracingRequestMutation();
  const [requesterName, setRequesterName] = useState('');
  const [relationship, setRelationship] = useState<RequesterRelationship | null>(null);
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState<'yes' | 'no' | null>(null);
  const [district, setDistrict] = useState('');
  const [leftOn, setLeftOn] = useState('');
  const [documents, setDocuments] = useState('');
  const [notes, setNotes] = useState('');
  const [sought, setSought] = useState<SoughtDraft[]>([emptySought()]);
  // Errors show once a submit was tried, and follow every change from then on (a fixed field clears at once).
  const [attempted, setAttempted] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const current: RequestErrors = { sought: sought.map(soughtErrorsOf) };
  if (!requesterName.trim()) current.requesterName = true;
  if (!relationship) current.requesterRelationship = true;
  if (consent === null) current.consent = true;
  if (leftOn.trim() && !partialDateSchema.safeParse(leftOn.trim()).success) current.leftOn = true;
  const invalid = Boolean(current.requesterName || current.requesterRelationship || current.consent || current.leftOn || current.sought.some((e) => Object.keys(e).length > 0));
  const errors: RequestErrors = attempted ? current : { sought: [] };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (invalid) return;
    setPreparing(true);
    try {
      const inputs = (await Promise.all(sought.map(soughtInputOf))).filter((i): i is SoughtPersonInput => i !== null);
      if (inputs.length !== sought.length) return;
      const parsed = createTracingRequestSchema.safeParse({
        requester: { name: requesterName, relationship, contact },
        consentTracing: consent === 'yes',
        district,
        familyLeftOn: leftOn.trim() || null,
        documents: documents
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((description) => ({ description })),
        notes,
        soughtPeople: inputs,
      });
      if (!parsed.success) {
        console.error('The tracing request does not pass the shared schema', parsed.error);
        return;
      }
      create.mutate(parsed.data, {
        onSuccess: async (result) => {
          notify('success', t('tracing.form.done', { reference: result.reference }));
          await navigate(`/tracing/${result.id}`);
        },
      });
    } finally {
      setPreparing(false);
    }
  };

  const hasErrors = attempted && invalid;

  return (
    <>
      <PageHeader title={t('tracing.form.title')} intro={t('tracing.form.intro')} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('tracing.form.title')}>
        <Stack gap="lg" maw={980}>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('tracing.form.requester')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('tracing.form.requesterName')}
                value={requesterName}
                onChange={(e) => setRequesterName(e.currentTarget.value)}
                error={errors.requesterName ? t('tracing.form.nameRequired') : undefined}
                withAsterisk
                dir="auto"
                autoComplete="off"
                maxLength={200}
              />
              <Select
                label={t('tracing.form.requesterRelationship')}
                data={optionsOf(REQUESTER_RELATIONSHIPS, labels.requester)}
                value={relationship}
                onChange={(v) => setRelationship(v && isOneOf(REQUESTER_RELATIONSHIPS, v) ? v : null)}
                error={errors.requesterRelationship ? t('tracing.form.requesterRelationshipRequired') : undefined}
                withAsterisk
              />
              <TextInput label={t('tracing.form.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} dir="auto" autoComplete="off" maxLength={300} />
            </SimpleGrid>
          </Card>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('tracing.form.consent')}
            </Title>
            <Radio.Group
              label={t('tracing.form.consentQuestion')}
              value={consent}
              onChange={(v) => setConsent(v === 'yes' || v === 'no' ? v : null)}
              error={errors.consent ? t('tracing.form.consentRequired') : undefined}
              withAsterisk
            >
              <Stack gap="xs" mt="xs">
                <Radio value="yes" label={t('tracing.form.consentYes')} />
                <Radio value="no" label={t('tracing.form.consentNo')} />
              </Stack>
            </Radio.Group>
          </Card>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('tracing.form.family')}
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('tracing.form.district')} value={district} onChange={(e) => setDistrict(e.currentTarget.value)} dir="auto" maxLength={120} />
                <TextInput
                  label={t('tracing.form.leftOn')}
                  description={t('tracing.form.leftOnHint')}
                  placeholder="YYYY-MM"
                  value={leftOn}
                  onChange={(e) => setLeftOn(e.currentTarget.value)}
                  error={errors.leftOn ? t('tracing.form.leftOnInvalid') : undefined}
                  dir="ltr"
                  maxLength={10}
                />
              </SimpleGrid>
              <Textarea label={t('tracing.form.documents')} description={t('tracing.form.documentsHint')} value={documents} onChange={(e) => setDocuments(e.currentTarget.value)} autosize minRows={2} dir="auto" />
              <Textarea label={t('tracing.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} dir="auto" maxLength={5000} />
            </Stack>
          </Card>
          {sought.map((draft, index) => (
            <SoughtPersonFields
              key={index}
              index={index}
              value={draft}
              onChange={(d) => setSought((list) => list.map((s, i) => (i === index ? d : s)))}
              onRemove={sought.length > 1 ? () => setSought((list) => list.filter((_, i) => i !== index)) : null}
              errors={errors.sought[index] ?? {}}
            />
          ))}
          {sought.length < MAX_SOUGHT ? (
            <Group>
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSought((list) => [...list, emptySought()])}>
                {t('tracing.form.addSought')}
              </Button>
            </Group>
          ) : null}
          {hasErrors ? (
            <Alert color="orange" variant="light" role="status">
              {t('tracing.form.fixErrors')}
            </Alert>
          ) : null}
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={preparing || create.isPending} data-testid="tracing-submit">
              {t('tracing.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
