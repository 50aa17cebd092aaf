import type { ProfileSummary } from '@homeward/domain';
import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { defaultAlternative, KIN_ROLES, type KinRole, type TypedRelative } from './hypotheses';
import { useKinshipLabels } from './kinship-labels';

/** The option text of a typed person: their name and the kit they were typed with. */
export function profileOption(p: ProfileSummary, unnamed: string): { value: string; label: string } {
  return { value: p.personId, label: `${p.displayName ?? unnamed} · ${p.kit}` };
}

/**
 * The typed relatives of a hypothesis, one row each: who (among the people with a profile), their role
 * under the claimed relationship and, when the alternative is a relationship too, under the alternative.
 */
export function RelativesEditor({
  relatives,
  onChange,
  candidates,
  withAlternative,
  excludeId,
}: {
  relatives: TypedRelative[];
  onChange: (next: TypedRelative[]) => void;
  candidates: readonly ProfileSummary[];
  withAlternative: boolean;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const labels = useKinshipLabels();
  const choices = candidates.filter((c) => c.personId !== excludeId);
  const roleData = KIN_ROLES.map((r) => ({ value: r, label: labels.role(r) }));
  const set = (i: number, patch: Partial<TypedRelative>) => onChange(relatives.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const next = choices.find((c) => !relatives.some((r) => r.personId === c.personId));
    const claimed: KinRole = 'father';
    onChange([...relatives, { personId: next?.personId ?? '', sex: next?.sex ?? 'U', claimed, alternative: defaultAlternative(claimed) }]);
  };

  return (
    <Stack gap="xs">
      {relatives.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kinship.builder.noRelatives')}
        </Text>
      ) : null}
      {relatives.map((r, i) => (
        <Group key={i} gap="sm" align="flex-end" wrap="wrap" data-testid="typed-relative">
          <Select
            label={t('kinship.builder.relative', { n: i + 1 })}
            data={choices.map((c) => profileOption(c, t('registry.unnamed')))}
            value={r.personId || null}
            onChange={(id) => set(i, { personId: id ?? '', sex: choices.find((c) => c.personId === id)?.sex ?? 'U' })}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('kinship.builder.nobodyTyped')}
            w={280}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('kinship.builder.claimedRole', { n: i + 1 })}
            data={roleData}
            value={r.claimed}
            onChange={(role) => role && set(i, { claimed: role as KinRole, alternative: defaultAlternative(role as KinRole) })}
            allowDeselect={false}
            w={220}
          />
          {withAlternative ? (
            <Select
              label={t('kinship.builder.alternativeRole', { n: i + 1 })}
              data={[{ value: 'unrelated', label: labels.role('unrelated') }, ...roleData]}
              value={r.alternative}
              onChange={(role) => role && set(i, { alternative: role as KinRole | 'unrelated' })}
              allowDeselect={false}
              w={220}
            />
          ) : null}
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('kinship.builder.remove', { n: i + 1 })} onClick={() => onChange(relatives.filter((_, j) => j !== i))}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={choices.length === 0}>
          {t('kinship.builder.add')}
        </Button>
      </div>
    </Stack>
  );
}
