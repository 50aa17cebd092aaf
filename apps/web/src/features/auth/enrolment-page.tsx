import { totpVerifyRequestSchema } from '@homeward/domain';
import { Anchor, Button, Center, CopyButton, Image, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../shell/error-alert';
import { AuthLayout } from './auth-layout';
import { useConfirmEnrolmentMutation, useEnrolmentQuery, useRefreshSession } from './auth.queries';
import type { SignInState } from './require-session';

/**
 * Second-factor enrolment on first sign-in: scan the QR code (or type the key), prove it with a code, then
 * see the recovery codes once and say they are saved before going on.
 */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const enrolment = useEnrolmentQuery();
  const confirm = useConfirmEnrolmentMutation();
  const refreshSession = useRefreshSession();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = totpVerifyRequestSchema.safeParse({ code });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    confirm.mutate(parsed.data, {
      onSuccess: (result) => {
        setCode('');
        setRecoveryCodes(result.recoveryCodes);
      },
      onError: () => setCode(''),
    });
  };

  const onSaved = async () => {
    await refreshSession();
    await navigate(state.from ?? '/', { replace: true });
  };

  if (recoveryCodes) {
    const text = recoveryCodes.join('\n');
    return (
      <AuthLayout title={t('auth.enrolment.codesTitle')}>
        <Stack>
          <Text size="sm">{t('auth.enrolment.codesIntro')}</Text>
          <Paper bg="gray.0" p="md" withBorder>
            <ul className="recovery-codes" aria-label={t('auth.enrolment.codesLabel')} data-testid="recovery-codes">
              {recoveryCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Paper>
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              >
                {copied ? t('auth.enrolment.copied') : t('auth.enrolment.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={() => void onSaved()}>{t('auth.enrolment.saved')}</Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('auth.enrolment.title')}>
      {enrolment.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : enrolment.isError ? (
        <Stack>
          <ErrorAlert error={enrolment.error} />
          <Anchor component={Link} to="/sign-in">
            {t('auth.secondFactor.startOver')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('auth.enrolment.title')}>
          <Stack>
            <Text size="sm">{t('auth.enrolment.intro')}</Text>
            <Center>
              <Image
                src={enrolment.data.qrCodeDataUrl}
                alt={t('auth.enrolment.qrAlt')}
                w={200}
                h={200}
                fit="contain"
                style={{ imageRendering: 'pixelated' }}
              />
            </Center>
            <div>
              <Title order={2} size="sm" fw={500} mb={4}>
                {t('auth.enrolment.manual')}
              </Title>
              <Paper bg="gray.0" p="sm" withBorder>
                <Text ff="monospace" dir="ltr" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                  {enrolment.data.secret.replace(/(.{4})/g, '$1 ').trim()}
                </Text>
              </Paper>
            </div>
            <TextInput
              label={t('auth.enrolment.code')}
              name="code"
              dir="ltr"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={invalid ? t('auth.secondFactor.invalid') : undefined}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              withAsterisk={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
            />
            {confirm.isError ? (
              <ErrorAlert error={confirm.error} overrides={{ unauthenticated: t('auth.secondFactor.wrongCode') }} />
            ) : null}
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('auth.enrolment.submit')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('auth.secondFactor.startOver')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
