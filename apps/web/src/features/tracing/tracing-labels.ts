import { CONSENT_STATES, REQUESTER_RELATIONSHIPS, SOUGHT_RELATIONSHIPS, TRACING_STATUSES } from '@homeward/domain';
import type { ConsentState, TracingStatus } from '@homeward/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../registry/labels';

export { CONSENT_STATES, REQUESTER_RELATIONSHIPS, SOUGHT_RELATIONSHIPS, TRACING_STATUSES };
export type RequesterRelationship = (typeof REQUESTER_RELATIONSHIPS)[number];
export type SoughtRelationship = (typeof SOUGHT_RELATIONSHIPS)[number];

/** Translated words for the codes of tracing; an unknown code (a newer server) is shown as it is. */
export function useTracingLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (code: TracingStatus) => t(`tracing.status.${code}`),
      consent: (code: ConsentState) => t(`tracing.consentState.${code}`),
      requester: (code: string) => (isOneOf(REQUESTER_RELATIONSHIPS, code) ? t(`tracing.requesterRelationship.${code}`) : code),
      sought: (code: string) => (isOneOf(SOUGHT_RELATIONSHIPS, code) ? t(`tracing.soughtRelationship.${code}`) : code),
    }),
    [t],
  );
}

/** Badge colours: consent given is the normal state, its absence is a warning. */
export const CONSENT_COLOUR: Record<ConsentState, string> = { given: 'teal', not_given: 'orange', withdrawn: 'red' };
export const STATUS_COLOUR: Record<TracingStatus, string> = { open: 'blue', found: 'teal', closed: 'gray' };
