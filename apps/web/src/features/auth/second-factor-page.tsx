import { recoveryRequestSchema, totpVerifyRequestSchema } from '@homeward/domain';
import { useTranslation } from 'react-i18next';
import { useRecoveryMutation, useSecondFactorMutation } from './auth.queries';
import { CodeStepPage } from './code-step-page';

/** Second step of sign-in for an enrolled user: the 6-digit code from the authenticator app. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const mutation = useSecondFactorMutation();
  return (
    <CodeStepPage
      kind="totp"
      title={t('auth.secondFactor.title')}
      intro={t('auth.secondFactor.intro')}
      label={t('auth.secondFactor.code')}
      submitLabel={t('auth.secondFactor.submit')}
      invalidMessage={t('auth.secondFactor.invalid')}
      wrongCodeMessage={t('auth.secondFactor.wrongCode')}
      schema={totpVerifyRequestSchema}
      mutation={mutation}
      alternative={{ to: '/sign-in/recovery', label: t('auth.secondFactor.useRecovery') }}
    />
  );
}

/** Instead of the app's code, one of the one-time recovery codes saved at enrolment. */
export function RecoveryPage() {
  const { t } = useTranslation();
  const mutation = useRecoveryMutation();
  return (
    <CodeStepPage
      kind="recovery"
      title={t('auth.recovery.title')}
      intro={t('auth.recovery.intro')}
      label={t('auth.recovery.code')}
      submitLabel={t('auth.recovery.submit')}
      invalidMessage={t('auth.recovery.invalid')}
      wrongCodeMessage={t('auth.recovery.wrongCode')}
      schema={recoveryRequestSchema}
      mutation={mutation}
      alternative={{ to: '/sign-in/second-factor', label: t('auth.recovery.useAuthenticator') }}
    />
  );
}
