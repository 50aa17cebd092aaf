import {
  frequencyDatabaseViewSchema,
  kinshipAnalysisSchema,
  matchViewSchema,
  personAnalysesResponseSchema,
  profileImportResponseSchema,
  profileListResponseSchema,
  profileViewSchema,
  screenListResponseSchema,
  screenStartedSchema,
  screenViewSchema,
} from '@homeward/domain';
import type { ApiKinshipQuestion, ProfileCorrectionRequest, ProfileImportRequest, ScreenRequest, ScreenView } from '@homeward/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiFetchBlob } from '../../api/client';
import { isApiError } from '../../api/api-error';
import { saveBlob } from '../../api/download';

/**
 * The kinship API as hooks. Genetic reads are audited on the server, so nothing here refetches on its
 * own: a profile is read when its panel opens, and read again only after a change to it.
 */
export const kinshipKeys = {
  all: ['kinship'] as const,
  profile: (personId: string) => ['kinship', 'profile', personId] as const,
  profiles: (filter: string) => ['kinship', 'profiles', filter] as const,
  analyses: (personId: string) => ['kinship', 'analyses', 'person', personId] as const,
  analysis: (id: string) => ['kinship', 'analysis', id] as const,
  frequencies: ['kinship', 'frequencies'] as const,
  screens: ['kinship', 'screens'] as const,
  screen: (id: string) => ['kinship', 'screen', id] as const,
};

const audited = { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/** A person's current profile, versions and chain of custody; null when they have none (a 404 here is normal). */
export function useProfileQuery(personId: string) {
  return useQuery({
    queryKey: kinshipKeys.profile(personId),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch(`/api/people/${encodeURIComponent(personId)}/profile`, profileViewSchema, { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    ...audited,
  });
}

/** Which of these people have a profile (facts only), or every profile of a kind when `people` is not given. */
export function useProfileSummariesQuery(filter: { people?: readonly string[]; kind?: 'child' | 'reference' }, enabled = true) {
  const people = filter.people ? [...new Set(filter.people)].sort().join(',') : undefined;
  const key = `${people ?? '*'}|${filter.kind ?? '*'}`;
  return useQuery({
    queryKey: kinshipKeys.profiles(key),
    queryFn: ({ signal }) => apiFetch('/api/kinship/profiles', profileListResponseSchema, { query: { people, kind: filter.kind }, signal }),
    enabled: enabled && (filter.people === undefined || filter.people.length > 0),
    ...audited,
  });
}

/** The frequency databases, the default first. */
export function useFrequenciesQuery() {
  return useQuery({
    queryKey: kinshipKeys.frequencies,
    queryFn: ({ signal }) => apiFetch('/api/kinship/frequencies', z.object({ databases: z.array(frequencyDatabaseViewSchema) }), { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The analyses a person was typed in, newest first. */
export function usePersonAnalysesQuery(personId: string) {
  return useQuery({
    queryKey: kinshipKeys.analyses(personId),
    queryFn: ({ signal }) => apiFetch(`/api/people/${encodeURIComponent(personId)}/kinship-analyses`, personAnalysesResponseSchema, { signal }),
    ...audited,
  });
}

/** One stored analysis, read again. */
export function useAnalysisQuery(id: string) {
  return useQuery({
    queryKey: kinshipKeys.analysis(id),
    queryFn: ({ signal }) => apiFetch(`/api/kinship/analyses/${encodeURIComponent(id)}`, kinshipAnalysisSchema, { signal }),
    ...audited,
  });
}

/** Asks a kinship question; the stored analysis comes back and is cached under its id. */
export function useAskQuestionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKinshipQuestion) => apiFetch('/api/kinship/questions', kinshipAnalysisSchema, { method: 'POST', body }),
    onSuccess: async (analysis) => {
      queryClient.setQueryData(kinshipKeys.analysis(analysis.id), analysis);
      await queryClient.invalidateQueries({ queryKey: ['kinship', 'analyses'] });
    },
  });
}

/** Downloads the printable report of an analysis (an audited read on the server). */
export function useReportDownload() {
  return useMutation({
    mutationFn: async (id: string) => saveBlob(await apiFetchBlob(`/api/kinship/analyses/${encodeURIComponent(id)}/report.pdf`), `kinship-report-${id.slice(0, 8)}.pdf`),
  });
}

/** Imports a lab file: every profile or none. */
export function useImportProfilesMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileImportRequest) => apiFetch('/api/kinship/profiles/import', profileImportResponseSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kinshipKeys.all }),
  });
}

/** Corrects markers of a profile by hand (a new version); the person's profile and the summaries are read again. */
export function useCorrectProfileMutation(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ profileId, body }: { profileId: string; body: ProfileCorrectionRequest }) =>
      apiFetch(`/api/kinship/profiles/${encodeURIComponent(profileId)}/corrections`, z.object({ id: z.string(), personId: z.string(), version: z.number().int() }), {
        method: 'POST',
        body,
      }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: kinshipKeys.profile(personId) }), queryClient.invalidateQueries({ queryKey: ['kinship', 'profiles'] })]);
    },
  });
}

/** The mission's screens, newest first. */
export function useScreensQuery() {
  return useQuery({
    queryKey: kinshipKeys.screens,
    queryFn: ({ signal }) => apiFetch('/api/kinship/screens', screenListResponseSchema, { signal }),
  });
}

/** Starts a screen; the server answers at once with the screen's and the job's ids. */
export function useStartScreenMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ScreenRequest>) => apiFetch('/api/kinship/screens', screenStartedSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kinshipKeys.screens }),
  });
}

const finished = (screen: ScreenView | undefined) => screen?.status === 'succeeded' || screen?.status === 'failed';

/** A screen, polled every half second while its job runs (for the progress bar), then kept. */
export function useScreenQuery(id: string) {
  return useQuery({
    queryKey: kinshipKeys.screen(id),
    queryFn: ({ signal }) => apiFetch(`/api/kinship/screens/${encodeURIComponent(id)}`, screenViewSchema, { signal }),
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
    staleTime: (query) => (finished(query.state.data) ? Infinity : 0),
    refetchOnWindowFocus: false,
  });
}

/** A supervisor's decision on a match; the screen is read again to show it. */
export function useReviewMatchMutation(screenId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ matchId, decision, note }: { matchId: string; decision: 'confirm' | 'reject'; note: string }) =>
      apiFetch(`/api/kinship/matches/${encodeURIComponent(matchId)}/${decision}`, matchViewSchema, { method: 'POST', body: note ? { note } : {} }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: kinshipKeys.screen(screenId) }), queryClient.invalidateQueries({ queryKey: ['registry'] })]);
    },
  });
}
