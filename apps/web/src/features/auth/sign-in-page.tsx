import { loginRequestSchema } from '@homeward/domain';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../shell/error-alert';
import { AuthLayout } from './auth-layout';
import { useLoginMutation, useRefreshSession, useSessionQuery } from './auth.queries';
import { FullPageLoader } from './require-session';
import type { SignInState } from './require-session';

/** First step of sign-in: username and password; the answer says which step comes next. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const session = useSessionQuery();
  const login = useLoginMutation();
  const refreshSession = useRefreshSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  if (session.isPending) return <FullPageLoader />;
  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to={state.from ?? '/'} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setFormError(t('auth.signIn.required'));
      return;
    }
    setFormError(null);
    login.mutate(parsed.data, {
      onSuccess: async ({ stage }) => {
        setPassword('');
        switch (stage) {
          case 'authenticated':
            await refreshSession();
            await navigate(state.from ?? '/', { replace: true });
            return;
          case 'second_factor_required':
            await navigate('/sign-in/second-factor', { state });
            return;
          case 'enrolment_required':
            await navigate('/sign-in/enrolment', { state });
            return;
        }
      },
    });
  };

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('auth.signIn.title')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.signIn.subtitle')}
          </Text>
          <TextInput
            label={t('auth.signIn.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            required
            withAsterisk={false}
            data-autofocus
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            name="password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            withAsterisk={false}
          />
          {formError ? (
            <Text c="red.8" size="sm" role="alert">
              {formError}
            </Text>
          ) : null}
          {login.isError ? (
            <ErrorAlert error={login.error} overrides={{ unauthenticated: t('auth.signIn.wrongCredentials') }} />
          ) : null}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
