import type { CaseDetail } from '@homeward/domain';
import { Button, Group, List, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { useLabels } from '../registry/labels';
import { useTransitionMutation } from './cases.queries';

/**
 * Moves a case to another stage. Every stage the workflow allows from here is listed; one whose
 * requirements are not met is disabled and says what is still missing. A reason is always recorded.
 */
export function StageMoveDialog({ opened, detail, onClose }: { opened: boolean; detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.move.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <StageMoveForm detail={detail} onDone={onClose} /> : null}
    </Modal>
  );
}

function StageMoveForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const transition = useTransitionMutation(detail.case.id);
  const firstAllowed = detail.options.find((o) => o.missing.length === 0)?.to ?? null;
  const [to, setTo] = useState<string | null>(firstAllowed);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!to) return setProblem(t('cases.move.chooseStage'));
    if (!reason.trim()) return setProblem(t('cases.move.reasonRequired'));
    setProblem(null);
    transition.mutate(
      { to, reason: reason.trim() },
      {
        onSuccess: () => {
          notify('success', t('cases.move.done', { stage: labels.stage(to) }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t('cases.move.current', { stage: labels.stage(detail.case.stage) })}</Text>
        <Radio.Group value={to} onChange={setTo} label={t('cases.move.to')} withAsterisk>
          <Stack gap="sm" mt="xs">
            {detail.options.map((option) => (
              <div key={option.to}>
                <Radio value={option.to} label={labels.stage(option.to)} disabled={option.missing.length > 0} />
                {option.missing.length > 0 ? (
                  <div style={{ paddingInlineStart: 32 }}>
                    <Text size="xs" c="dimmed">
                      {t('cases.move.missing')}
                    </Text>
                    <List size="xs" c="dimmed" data-testid={`missing-${option.to}`}>
                      {option.missing.map((m) => (
                        <List.Item key={m}>{labels.requirement(m)}</List.Item>
                      ))}
                    </List>
                  </div>
                ) : null}
              </div>
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('cases.move.reason')}
          description={t('cases.move.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          withAsterisk
          dir="auto"
        />
        {problem ? (
          <Text size="sm" c="red.9" role="alert">
            {problem}
          </Text>
        ) : null}
        {transition.isError ? <ErrorAlert error={transition.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={transition.isPending}>
            {t('cases.move.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
