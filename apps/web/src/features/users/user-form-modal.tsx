import {
  createUserRequestSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  updateUserRequestSchema,
} from '@homeward/domain';
import type { Role, UpdateUserRequest, UserView } from '@homeward/domain';
import { Button, Checkbox, Group, Modal, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '../shell/error-alert';
import { useCreateUserMutation, useUpdateUserMutation } from './users.queries';
import { notify } from '../shell/notify';

type Field = 'username' | 'displayName' | 'password' | 'roles' | 'organisation';
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['username', 'displayName', 'password', 'roles', 'organisation'];

function isField(key: unknown): key is Field {
  return FIELDS.some((f) => f === key);
}

/** Which fields a zod error names; the words come from our translations, the rules from the shared schema. */
function fieldsWithIssues(error: z.ZodError): Set<Field> {
  const fields = new Set<Field>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (isField(key)) fields.add(key);
  }
  return fields;
}

interface FormState {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  organisation: string;
}

function RolesField({ value, onChange, error }: { value: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('users.form.roles')}
      value={value}
      onChange={(next) => onChange(ROLES.filter((r) => next.includes(r)))}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** Creates a user, or (with `user`) changes a user's name, roles and organisation. */
export function UserFormModal({ opened, user, onClose }: { opened: boolean; user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      centered
      title={<UserFormTitle user={user} />}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

function UserFormTitle({ user }: { user: UserView | null }) {
  const { t } = useTranslation();
  return <>{user ? t('users.form.editTitle', { username: user.username }) : t('users.form.createTitle')}</>;
}

function UserForm({ user, onDone }: { user: UserView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUserMutation();
  const update = useUpdateUserMutation();
  const mutation = user ? update : create;
  const [form, setForm] = useState<FormState>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    password: '',
    roles: user ? [...user.roles] : [],
    organisation: user?.organisation ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [nothingChanged, setNothingChanged] = useState(false);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const messageFor = (field: Field): string =>
    field === 'password'
      ? t('users.validation.password', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
      : t(`users.validation.${field}`);

  const showIssues = (error: z.ZodError) => {
    const next: FieldErrors = {};
    for (const field of fieldsWithIssues(error)) next[field] = messageFor(field);
    setErrors(next);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    const organisation = form.organisation.trim() === '' ? null : form.organisation;

    if (!user) {
      const parsed = createUserRequestSchema.safeParse({
        username: form.username,
        displayName: form.displayName,
        password: form.password,
        roles: form.roles,
        organisation,
      });
      if (!parsed.success) return showIssues(parsed.error);
      setErrors({});
      create.mutate(parsed.data, {
        onSuccess: (created) => {
          notify('success', t('users.done.created', { username: created.username }));
          onDone();
        },
      });
      return;
    }

    const changes: UpdateUserRequest = {};
    if (form.displayName.trim() !== user.displayName) changes.displayName = form.displayName;
    const sameRoles = form.roles.length === user.roles.length && form.roles.every((r) => user.roles.includes(r));
    if (!sameRoles) changes.roles = form.roles;
    if (organisation !== user.organisation) changes.organisation = organisation;
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setNothingChanged(true);
      return;
    }
    const parsed = updateUserRequestSchema.safeParse(changes);
    if (!parsed.success) return showIssues(parsed.error);
    setErrors({});
    update.mutate(
      { id: user.id, body: parsed.data },
      {
        onSuccess: (updated) => {
          notify('success', t('users.done.updated', { username: updated.username }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {user ? null : (
          <TextInput
            label={t('users.form.username')}
            description={t('users.form.usernameHint')}
            value={form.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            withAsterisk
            data-autofocus
          />
        )}
        <TextInput
          label={t('users.form.displayName')}
          value={form.displayName}
          onChange={(e) => set('displayName', e.currentTarget.value)}
          error={errors.displayName}
          autoComplete="off"
          withAsterisk
        />
        {user ? null : (
          <PasswordInput
            label={t('users.form.password')}
            description={t('users.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            dir="ltr"
            withAsterisk
          />
        )}
        <RolesField value={form.roles} onChange={(roles) => set('roles', roles)} error={errors.roles} />
        <TextInput
          label={t('users.form.organisation')}
          value={form.organisation}
          onChange={(e) => set('organisation', e.currentTarget.value)}
          error={errors.organisation}
          autoComplete="organization"
        />
        {nothingChanged ? <ErrorText text={t('users.validation.nothingChanged')} /> : null}
        {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t('users.form.submitEdit') : t('users.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ErrorText({ text }: { text: string }) {
  return (
    <div role="status" style={{ color: 'var(--mantine-color-red-8)', fontSize: 'var(--mantine-font-size-sm)' }}>
      {text}
    </div>
  );
}
