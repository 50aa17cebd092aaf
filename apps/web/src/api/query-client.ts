import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

export const sessionQueryKey = ['session'] as const;

/**
 * One query client for the app. When any call answers 401 the session has ended (expired or signed out
 * elsewhere): forgetting it makes the route guard send the person to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') {
      client.setQueryData(sessionQueryKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
