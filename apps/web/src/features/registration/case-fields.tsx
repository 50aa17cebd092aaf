import { Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFlag, Priority } from '../registry/labels';
import { CASE_FLAGS, PRIORITIES, isOneOf, optionsOf, useLabels } from '../registry/labels';

/** The case opened with the registration, if any. */
export interface CaseDraft {
  open: boolean;
  kind: 'child' | 'adult';
  priority: Priority;
  flags: CaseFlag[];
}

/** Whether to open a case now, for a child or an adult, how urgent, and what to flag. */
export function CaseFields({ value, onChange }: { value: CaseDraft; onChange: (draft: CaseDraft) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kindLabelId = useId();
  const set = <K extends keyof CaseDraft>(key: K, v: CaseDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm">
      <Switch label={t('registration.case.open')} checked={value.open} onChange={(e) => set('open', e.currentTarget.checked)} />
      {value.open ? (
        <>
          <Group gap="lg" align="flex-end">
            <div>
              <Text size="sm" fw={500} mb={4} id={kindLabelId}>
                {t('registration.case.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby={kindLabelId}
                data={[
                  { value: 'child', label: labels.kind('child') },
                  { value: 'adult', label: labels.kind('adult') },
                ]}
                value={value.kind}
                onChange={(v) => (v === 'child' || v === 'adult') && set('kind', v)}
              />
            </div>
            <Select
              label={t('registration.case.priority')}
              data={optionsOf(PRIORITIES, labels.priority)}
              value={value.priority}
              onChange={(v) => v && isOneOf(PRIORITIES, v) && set('priority', v)}
              allowDeselect={false}
              w={200}
            />
          </Group>
          <Checkbox.Group
            label={t('registration.case.flags')}
            value={value.flags}
            onChange={(next) => set('flags', CASE_FLAGS.filter((f) => next.includes(f)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {CASE_FLAGS.map((flag) => (
                <Checkbox key={flag} value={flag} label={labels.flag(flag)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </>
      ) : null}
    </Stack>
  );
}
