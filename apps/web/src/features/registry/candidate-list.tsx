import type { z } from 'zod';
import type { personCandidateSchema } from '@homeward/domain';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from './labels';
import { AgeText, PersonName } from './person-text';

export type PersonCandidate = z.infer<typeof personCandidateSchema>;

/** One search result: the name as recorded, the spelling that matched, sex, age and how alike they are. */
export function CandidateSummary({ candidate }: { candidate: PersonCandidate }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          <PersonName name={candidate.displayName} />
        </Text>
        <Badge variant="light" color={candidate.similarity >= 0.8 ? 'red' : 'orange'} tt="none" size="sm">
          {t('registry.similarity', { percent: Math.round(candidate.similarity * 100) })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('registry.matched')}: <PersonName name={candidate.matchedName} /> · {labels.sex(candidate.sex)} · <AgeText birthYears={candidate.birthYears} />
      </Text>
    </Stack>
  );
}
