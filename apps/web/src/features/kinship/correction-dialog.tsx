import type { ProfileView } from '@homeward/domain';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { useCorrectProfileMutation } from './kinship.queries';

/**
 * A correction of one marker by hand, with the reason (a transcription error on the lab sheet): the
 * server keeps the old version and records a new one, with a "corrected" step in the chain of custody.
 */
export function CorrectionDialog({ profile, opened, onClose }: { profile: ProfileView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const correct = useCorrectProfileMutation(profile.personId);
  const markers = Object.keys(profile.markers);
  const [marker, setMarker] = useState<string | null>(null);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [remove, setRemove] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setMarker(null);
    setFirst('');
    setSecond('');
    setRemove(false);
    setReason('');
    setProblem(null);
    correct.reset();
    onClose();
  };
  const choose = (m: string | null) => {
    setMarker(m);
    const current = m ? profile.markers[m] : undefined;
    setFirst(current?.[0] ?? '');
    setSecond(current?.[1] ?? '');
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!marker?.trim()) return setProblem(t('kinship.correction.chooseMarker'));
    if (!remove && !first.trim()) return setProblem(t('kinship.correction.alleleRequired'));
    if (!reason.trim()) return setProblem(t('kinship.correction.reasonRequired'));
    setProblem(null);
    const typing = remove ? null : [first.trim(), second.trim()].filter(Boolean);
    correct.mutate(
      { profileId: profile.id, body: { markers: { [marker.trim()]: typing }, reason: reason.trim() } },
      {
        onSuccess: () => {
          notify('success', t('kinship.correction.done'));
          close();
        },
      },
    );
  };
  const details = correct.isError && isApiError(correct.error) ? (correct.error.details as { errors?: { marker: string | null; message: string }[] } | undefined) : undefined;

  return (
    <Modal opened={opened} onClose={close} title={t('kinship.correction.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate aria-label={t('kinship.correction.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('kinship.correction.intro')}</Text>
          <Select
            label={t('kinship.result.marker')}
            data={markers}
            value={marker}
            onChange={choose}
            searchable
            allowDeselect={false}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={2}>
            <TextInput label={t('kinship.correction.allele1')} value={first} onChange={(e) => setFirst(e.currentTarget.value)} disabled={remove} dir="ltr" />
            <TextInput label={t('kinship.correction.allele2')} value={second} onChange={(e) => setSecond(e.currentTarget.value)} disabled={remove} dir="ltr" />
          </SimpleGrid>
          <Checkbox label={t('kinship.correction.remove')} checked={remove} onChange={(e) => setRemove(e.currentTarget.checked)} />
          <Textarea label={t('kinship.profile.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk maxLength={1000} autosize minRows={2} dir="auto" />
          {problem ? (
            <Text size="sm" c="red.9" role="alert">
              {problem}
            </Text>
          ) : null}
          {correct.isError && !details?.errors ? <ErrorAlert error={correct.error} /> : null}
          {details?.errors?.map((e, i) => (
            <Text key={i} size="sm" lang="en" c="red.9" role="alert">
              <bdi dir="ltr">
                {e.marker ? `${e.marker}: ` : ''}
                {e.message}
              </bdi>
            </Text>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={correct.isPending} data-testid="kinship-correction-save">
              {t('kinship.correction.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
