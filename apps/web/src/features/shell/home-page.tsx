import { Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconEye, IconPencil } from '@tabler/icons-react';
import type { FieldCategory } from '@homeward/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useCan, useSession } from '../auth/session-context';
import { NAV_ENTRIES, mayOpen } from './navigation';
import { PageHeader } from './page-header';

function CategoryList({ categories, empty, icon }: { categories: readonly FieldCategory[]; empty: string; icon: 'read' | 'write' }) {
  const { t } = useTranslation();
  if (categories.length === 0) return <Text c="dimmed">{empty}</Text>;
  const Icon = icon === 'read' ? IconEye : IconPencil;
  return (
    <List
      spacing="sm"
      icon={
        <ThemeIcon size={24} radius="xl" variant="light" aria-hidden>
          <Icon size={14} />
        </ThemeIcon>
      }
    >
      {categories.map((category) => (
        <List.Item key={category}>
          <Text fw={600} size="sm">
            {t(`categories.${category}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`categoryDescriptions.${category}`)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** The landing page: who you are here, your roles, and what your roles let you see and do. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const can = useCan();
  const sections = NAV_ENTRIES.filter((entry) => entry.to !== '/' && mayOpen(entry, can));

  return (
    <Stack gap="lg">
      <PageHeader title={t('home.greeting', { name: session.user.displayName })} intro={t('home.intro')} />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('home.rolesTitle')}
        </Title>
        <Group gap="xs" data-testid="home-roles">
          {session.user.roles.map((role) => (
            <Badge key={role} size="lg" variant="light" tt="none">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed" mt="md">
          {t('home.sessionEnds', { time: formatDateTime(session.expiresAt, i18n.resolvedLanguage ?? 'en') })}
        </Text>
      </Card>
      {sections.length > 0 ? (
        <section aria-labelledby="home-sections">
          <Title order={2} size="h4" mb="sm" id="home-sections">
            {t('home.sectionsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {sections.map((entry) => (
              <UnstyledButton key={entry.to} component={Link} to={entry.to}>
                <Card withBorder padding="lg">
                  <Group gap="sm">
                    <ThemeIcon size="lg" variant="light" aria-hidden>
                      <entry.icon size={20} />
                    </ThemeIcon>
                    <Text fw={600}>{t(entry.labelKey)}</Text>
                  </Group>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </section>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('home.readableTitle')}
          </Title>
          <CategoryList categories={session.readableCategories} empty={t('home.readableNone')} icon="read" />
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('home.writableTitle')}
          </Title>
          <CategoryList categories={session.writableCategories} empty={t('home.writableNone')} icon="write" />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
