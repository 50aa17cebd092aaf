import { Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFlag, Priority } from '../registry/labels';
import { CASE_FLAGS, PRIORITIES, isOneOf, optionsOf, useLabels } from '../registry/labels';

/** How a case is opened or kept: for a child or an adult, how urgent, and what to flag. */
export interface CaseDraft {
  kind: 'child' | 'adult';
  priority: Priority;
  flags: CaseFlag[];
}

export const NEW_CASE: CaseDraft = { kind: 'child', priority: 'normal', flags: [] };

/**
 * The fields of a case: kind (when it is being opened; an open case keeps its kind), priority and flags.
 * Shared by registration, the person page's "open a case" and the case page's priority dialog.
 */
export function CaseFields({ value, onChange, withKind = true }: { value: CaseDraft; onChange: (draft: CaseDraft) => void; withKind?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kindLabelId = useId();
  const set = <K extends keyof CaseDraft>(key: K, v: CaseDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-end">
        {withKind ? (
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
        ) : null}
        <Select
          label={t('registration.case.priority')}
          data={optionsOf(PRIORITIES, labels.priority)}
          value={value.priority}
          onChange={(v) => v && isOneOf(PRIORITIES, v) && set('priority', v)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Checkbox.Group label={t('registration.case.flags')} value={value.flags} onChange={(next) => set('flags', CASE_FLAGS.filter((f) => next.includes(f)))}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {CASE_FLAGS.map((flag) => (
            <Checkbox key={flag} value={flag} label={labels.flag(flag)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
}
