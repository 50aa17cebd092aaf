import { AppShell, Burger, Group, NavLink, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan, useSession } from '../auth/session-context';
import { Brand } from './brand';
import { DEMO_BANNER_HEIGHT, DemoBanner } from './demo-banner';
import { LanguageSwitch } from './language-switch';
import { NAV_ENTRIES, mayOpen } from './navigation';
import { UserMenu } from './user-menu';

const HEADER_BAR_HEIGHT = 60;

/** The frame of the signed-in app: header, navigation by permission, and the page in the main region. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const headerHeight = HEADER_BAR_HEIGHT + (session.demoMode ? DEMO_BANNER_HEIGHT : 0);
  const entries = NAV_ENTRIES.filter((entry) => mayOpen(entry, can));

  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        {session.demoMode ? <DemoBanner /> : null}
        <Group h={HEADER_BAR_HEIGHT} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navLabel')} data-testid="navbar">
        <Stack gap={4}>
          {entries.map((entry) => {
            const active = isActive(entry.to);
            return (
              <NavLink
                key={entry.to}
                component={Link}
                to={entry.to}
                label={t(entry.labelKey)}
                leftSection={<entry.icon size={20} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                variant="light"
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
