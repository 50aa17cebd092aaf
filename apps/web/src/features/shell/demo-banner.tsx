import { Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Height of the banner, so the app shell can make room for it. */
export const DEMO_BANNER_HEIGHT = 36;

/** Shown on every page of a demo deployment, so no one mistakes synthetic people for real ones. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Group className="demo-banner" h={DEMO_BANNER_HEIGHT} px="md" gap="xs" justify="center" wrap="nowrap" data-testid="demo-banner">
      <IconAlertTriangle size={18} aria-hidden />
      <Text fw={700} size="sm" c="black">
        {t('demo.banner')}
      </Text>
      <Text size="sm" c="black" visibleFrom="sm" truncate>
        {t('demo.detail')}
      </Text>
    </Group>
  );
}
