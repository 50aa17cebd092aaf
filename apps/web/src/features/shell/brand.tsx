import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconHomeHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product name with its mark. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="lg" radius="md" aria-hidden>
        <IconHomeHeart size={22} />
      </ThemeIcon>
      <Text fw={700} size="lg" lang="en">
        {t('app.name')}
      </Text>
    </Group>
  );
}
