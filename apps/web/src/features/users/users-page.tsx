import type { UserView } from '@homeward/domain';
import { ActionIcon, Badge, Button, Center, Group, Loader, Menu, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/use-error-text';
import { useCan, useSession } from '../auth/session-context';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { UserFormModal } from './user-form-modal';
import { useUserCommandMutation, useUsersQuery } from './users.queries';
import type { UserCommand } from './users.queries';
import { notify } from '../shell/notify';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'confirm'; command: 'disable' | 'reset-second-factor'; user: UserView };

/** Administrators manage accounts here; every action appears only to those allowed to take it. */
export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession();
  const users = useUsersQuery();
  const command = useUserCommandMutation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const describeError = useErrorText();

  const canUpdate = can('user.update');
  const canDisable = can('user.disable');
  const canReset = can('user.reset_second_factor');
  const anyRowAction = canUpdate || canDisable || canReset;

  const run = (user: UserView, which: UserCommand) => {
    command.mutate(
      { id: user.id, command: which },
      {
        onSuccess: (changed) => {
          const key = which === 'disable' ? 'disabled' : which === 'enable' ? 'enabled' : 'reset';
          notify('success', t(`users.done.${key}`, { username: changed.username }));
          setDialog(null);
        },
        onError: (error) => {
          // Errors of "enable" have no dialog to show them in.
          if (which === 'enable') notify('error', describeError(error).message);
        },
      },
    );
  };

  const openConfirm = (user: UserView, which: 'disable' | 'reset-second-factor') => {
    command.reset();
    setDialog({ kind: 'confirm', command: which, user });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          can('user.create') ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      {users.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : users.isError ? (
        <ErrorAlert error={users.error} />
      ) : users.data.length === 0 ? (
        <Text>{t('users.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('users.tableLabel')} data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.columns.username')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.displayName')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.roles')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.secondFactor')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                  {anyRowAction ? (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
                  <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                    <Table.Td>
                      <span className="ltr-token">{user.username}</span>
                      {user.id === session.user.id ? (
                        <Text span size="xs" c="dimmed" ms={6}>
                          ({t('users.you')})
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.roles.map((role) => (
                          <Badge key={role} variant="light" tt="none" size="sm">
                            {t(`roles.${role}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={user.secondFactorEnrolled ? 'teal' : 'gray'} tt="none">
                        {user.secondFactorEnrolled ? t('users.enrolled') : t('users.notEnrolled')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant={user.disabled ? 'filled' : 'light'} color={user.disabled ? 'red' : 'green'} tt="none">
                        {user.disabled ? t('users.disabled') : t('users.active')}
                      </Badge>
                    </Table.Td>
                    {anyRowAction ? (
                      <Table.Td ta="end">
                        <Menu position="bottom-end" withinPortal shadow="md">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="dark" aria-label={t('users.actionsFor', { username: user.username })}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {canUpdate ? (
                              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit', user })}>
                                {t('users.edit')}
                              </Menu.Item>
                            ) : null}
                            {canDisable && !user.disabled ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                onClick={() => openConfirm(user, 'disable')}
                              >
                                {t('users.disable')}
                              </Menu.Item>
                            ) : null}
                            {canDisable && user.disabled ? (
                              <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => run(user, 'enable')}>
                                {t('users.enable')}
                              </Menu.Item>
                            ) : null}
                            {canReset && user.secondFactorEnrolled ? (
                              <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => openConfirm(user, 'reset-second-factor')}>
                                {t('users.resetSecondFactor')}
                              </Menu.Item>
                            ) : null}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <UserFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'confirm'}
        danger
        loading={command.isPending}
        title={
          dialog?.kind === 'confirm'
            ? t(dialog.command === 'disable' ? 'users.confirm.disableTitle' : 'users.confirm.resetTitle', {
                username: dialog.user.username,
              })
            : ''
        }
        body={
          dialog?.kind === 'confirm'
            ? t(dialog.command === 'disable' ? 'users.confirm.disableBody' : 'users.confirm.resetBody')
            : ''
        }
        confirmLabel={
          dialog?.kind === 'confirm' && dialog.command === 'reset-second-factor' ? t('users.resetSecondFactor') : t('users.disable')
        }
        onConfirm={() => {
          if (dialog?.kind === 'confirm') run(dialog.user, dialog.command);
        }}
        onClose={() => setDialog(null)}
      >
        {command.isError ? <ErrorAlert error={command.error} /> : null}
      </ConfirmDialog>
    </>
  );
}
