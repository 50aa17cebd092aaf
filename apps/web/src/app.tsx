import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client';
import { directionOf, initialLanguage } from './i18n/languages';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

/** Providers, outermost first: direction (for Arabic), Mantine, the query cache, then the routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <DirectionProvider initialDirection={directionOf(initialLanguage())}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-center" />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
