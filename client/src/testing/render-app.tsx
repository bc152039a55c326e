import { StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { AppProvider } from '@/app/provider';
import { AppRoutes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';

function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location" hidden>
      {location.pathname + location.search}
    </div>
  );
}

/**
 * Renders the real app (providers + routes) at `url`, with a fresh cache. `strictMode` runs it
 * as `main.tsx` does, effects twice, for pages that must act once on arrival.
 */
export function renderApp(url = '/', { strictMode = false }: { strictMode?: boolean } = {}) {
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const app = (
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProvider>
  );
  const view = render(strictMode ? <StrictMode>{app}</StrictMode> : app);
  return {
    ...view,
    user,
    queryClient,
    location: () => screen.getByTestId('location').textContent,
  };
}
