import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../shell/brand';
import { DemoBanner } from '../shell/demo-banner';
import { LanguageSwitch } from '../shell/language-switch';
import { useHealthQuery } from './auth.queries';

/** The frame of every sign-in step: product name and language in a header, one card in the main region. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const health = useHealthQuery();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {health.data?.demoMode ? <DemoBanner /> : null}
        <Group justify="space-between" h={60} px="md">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={460} py={48} id="main-content">
        <Stack gap="xs" mb="lg" align="center">
          <Text c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={1} size="h2" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
