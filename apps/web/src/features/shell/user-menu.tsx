import { Avatar, Badge, Button, Divider, Group, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogoutMutation } from '../auth/auth.queries';
import { useSession } from '../auth/session-context';
import { notify } from './notify';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** The signed-in person: name, username, roles, and the way out (a small dialog, not a menu). */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const logout = useLogoutMutation();
  const [opened, setOpened] = useState(false);

  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: async () => {
        setOpened(false);
        await navigate('/sign-in', { replace: true });
        notify('info', t('auth.signedOut'));
      },
    });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={300} withinPortal trapFocus>
      <Popover.Target>
        <UnstyledButton data-testid="user-menu" p={4} onClick={() => setOpened((o) => !o)} aria-haspopup="dialog" aria-expanded={opened}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {user.displayName}
            </Text>
            <VisuallyHidden hiddenFrom="sm">{user.displayName}</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('shell.accountMenu', { name: user.displayName })}>
        <Stack gap="sm">
          <div>
            <Text fw={600}>{user.displayName}</Text>
            <Text size="sm" c="dimmed" className="ltr-token" span>
              {user.username}
            </Text>
          </div>
          <div>
            <Text size="xs" fw={600} c="dimmed" mb={4}>
              {t('shell.roles')}
            </Text>
            <Group gap={4}>
              {user.roles.map((role) => (
                <Badge key={role} variant="light" tt="none">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </Group>
          </div>
          <Divider />
          <Button
            variant="light"
            color="red"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={signOut}
            loading={logout.isPending}
            data-testid="sign-out"
            fullWidth
          >
            {t('auth.signOut')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
