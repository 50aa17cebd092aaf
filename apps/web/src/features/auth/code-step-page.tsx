import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { ErrorAlert } from '../shell/error-alert';
import { AuthLayout } from './auth-layout';
import { useRefreshSession } from './auth.queries';
import type { SignInState } from './require-session';

interface CodeStepProps {
  title: string;
  intro: string;
  label: string;
  submitLabel: string;
  invalidMessage: string;
  wrongCodeMessage: string;
  /** Validates the typed code before it is sent. */
  schema: z.ZodType<{ code: string }>;
  mutation: UseMutationResult<{ stage: 'authenticated' }, Error, { code: string }>;
  /** A 6-digit one-time password (numeric keyboard, browser autofill) or a longer recovery code. */
  kind: 'totp' | 'recovery';
  alternative: { to: string; label: string };
}

/** The second step of sign-in, for a TOTP code or a recovery code: one field, one button, a way back. */
export function CodeStepPage(props: CodeStepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const refreshSession = useRefreshSession();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = props.schema.safeParse({ code });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    props.mutation.mutate(parsed.data, {
      onSuccess: async () => {
        await refreshSession();
        await navigate(state.from ?? '/', { replace: true });
      },
      onError: () => setCode(''),
    });
  };

  return (
    <AuthLayout title={props.title}>
      <form onSubmit={onSubmit} noValidate aria-label={props.title}>
        <Stack>
          <Text size="sm" c="dimmed">
            {props.intro}
          </Text>
          <TextInput
            label={props.label}
            name="code"
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={invalid ? props.invalidMessage : undefined}
            autoComplete={props.kind === 'totp' ? 'one-time-code' : 'off'}
            inputMode={props.kind === 'totp' ? 'numeric' : 'text'}
            maxLength={props.kind === 'totp' ? 6 : 32}
            spellCheck={false}
            autoCapitalize="none"
            required
            withAsterisk={false}
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
          />
          {props.mutation.isError ? (
            <ErrorAlert error={props.mutation.error} overrides={{ unauthenticated: props.wrongCodeMessage }} />
          ) : null}
          <Button type="submit" loading={props.mutation.isPending} fullWidth>
            {props.submitLabel}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to={props.alternative.to} state={state} size="sm">
              {props.alternative.label}
            </Anchor>
            <Anchor component={Link} to="/sign-in" state={state} size="sm">
              {t('auth.secondFactor.startOver')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
